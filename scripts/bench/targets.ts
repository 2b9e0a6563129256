/** The targets, each checked against the measured figures: met, not met, or not measured. */

export interface Figures {
  highlightWriteP95Ms: number | null;
  highlightWriteP95Ms1k: number | null;
  sqliteWriteP95Ms: number | null;
  openWorkspaceMs: number | null;
  mainRssMb: number | null;
  searchP95Ms: number | null;
  readerFirstPaintMs: number | null;
  anchoringMs: number | null;
  anchoringBaselineMs: number | null;
  /** Entity suggestion time growth from 100 KB to 1 MB, relative to linear (1 = linear). */
  suggestGrowthVsLinear: number | null;
  pdfExport100PagesMs: number | null;
  graphFrameP95Ms: number | null;
  /** New highlight in the reader: selection → mark painted, p95 (ms), and bytes over the wire per edit (p95). */
  readerEditP95Ms: number | null;
  readerEditBytes: number | null;
  /** Open until search is ready, with the index saved at the previous close (ms). */
  searchReadyMs: number | null;
  /** PDF page view, 300 pages (issue 16): route change → page 1 drawn (median), scroll frame p95, heap and canvases. */
  pdfFirstPageMs: number | null;
  /** Team sync load (issue 18): edits lost (must be 0) and p95 time from one client's commit until another sees it. */
  teamEditsLost: number | null;
  teamSeenP95Ms: number | null;
  pdfFirstPageP95Ms: number | null;
  pdfScrollFrameP95Ms: number | null;
  pdfHeapMaxMb: number | null;
  /** Heap after scrolling all pages / after the first 20 (both after a GC): ~1 when memory is bounded. */
  pdfHeapGrowth: number | null;
  pdfLiveCanvasesMax: number | null;
  /** The renderer process's RSS (canvas pixels and the pdf.js worker included), largest sample while scrolling. */
  pdfRendererRssMaxMb: number | null;
}

export interface TargetCheck {
  id: string;
  label: string;
  /** The figure compared, in the unit of `target`. */
  value: number | null;
  target: string;
  /** null when the figure was not measured in this run. */
  met: boolean | null;
}

const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : a / b;

const atMost = (id: string, label: string, value: number | null, limit: number, unit: string): TargetCheck => ({
  id, label, value: value === null ? null : Math.round(value * 100) / 100, target: `<= ${limit} ${unit}`.trim(),
  met: value === null || !Number.isFinite(value) ? null : value <= limit,
});

export function ratios(f: Figures) {
  return {
    writeVsSqliteFull: ratio(f.highlightWriteP95Ms, f.sqliteWriteP95Ms),
    writeVs1k: ratio(f.highlightWriteP95Ms, f.highlightWriteP95Ms1k),
    anchoringVsBaseline: ratio(f.anchoringMs, f.anchoringBaselineMs),
  };
}

export function checkTargets(f: Figures, sizeName = '100k'): TargetCheck[] {
  const r = ratios(f);
  return [
    atMost('write-p95', 'Durable highlight create/update/delete, p95', f.highlightWriteP95Ms, 20, 'ms'),
    atMost('write-vs-sqlite', 'Highlight write p95 / SQLite (WAL, synchronous=FULL) p95', r.writeVsSqliteFull, 2, '×'),
    atMost('write-growth', `Highlight write p95 at ${sizeName} / at 1k (no growth with size)`, r.writeVs1k, 1.5, '×'),
    atMost('open', 'Open workspace until the library is usable', f.openWorkspaceMs, 1000, 'ms'),
    atMost('rss', 'Main-process RSS with the workspace open', f.mainRssMb, 400, 'MB'),
    atMost('search', 'Search p95', f.searchP95Ms, 30, 'ms'),
    atMost('reader', 'Reader first paint (1 MB source, 2,000 highlights)', f.readerFirstPaintMs, 300, 'ms'),
    atMost('anchoring', 'Anchoring time / Apache Annotator baseline', r.anchoringVsBaseline, 1, '×'),
    atMost('suggest-linear', 'Entity suggestions: time growth 100 KB → 1 MB relative to linear', f.suggestGrowthVsLinear, 1.5, '×'),
    atMost('pdf', 'Dossier PDF export, 100 pages', f.pdfExport100PagesMs, 5000, 'ms'),
    atMost('graph', 'Graph pan frame time p95 (5,000 nodes)', f.graphFrameP95Ms, 50, 'ms'),
    atMost('reader-edit', 'New highlight in the reader, selection → mark painted, p95', f.readerEditP95Ms, 50, 'ms'),
    atMost('search-ready', 'Search ready after open (saved index)', f.searchReadyMs, sizeName === '1m' ? 20_000 : 3000, 'ms'),
    atMost('pdf-first-page', 'PDF page view: 300-page PDF opens to page 1 (median)', f.pdfFirstPageMs, 1000, 'ms'),
    atMost('pdf-scroll', 'PDF page view: frame time while scrolling all pages, p95', f.pdfScrollFrameP95Ms, 33, 'ms'),
    atMost('pdf-heap', 'PDF page view: JS heap after all 300 pages / after the first 20', f.pdfHeapGrowth, 1.5, '×'),
    atMost('team-lost', 'Team sync: edits lost, 20 clients × 10 edits/s', f.teamEditsLost, 0, 'edits'),
    atMost('team-seen', 'Team sync: commit on one client → seen by another, p95', f.teamSeenP95Ms, 1000, 'ms'),
    atMost('reader-edit-bytes', 'New highlight in the reader, bytes over the wire per edit', f.readerEditBytes, 10240, 'bytes'),
  ];
}
