/** Turns the measurements into the one JSON object (headline keys, ratios, targets, details) and the readable table. */
import os from 'node:os';
import type { BenchArgs } from './args';
import type { Measured } from './run';
import { checkTargets, ratios, type Figures } from './targets';
import { renderReport, type FigureRow } from './report';
import { round } from './stats';
import type { BenchSearchResult } from './search-bench';
import type { PdfViewBenchResult } from './pdfview-bench';

const num = (x: number | undefined | null): number | null => (x === undefined || x === null || !Number.isFinite(x) ? null : round(x));

function figuresOf(m: Measured): Figures {
  const graph = m.graph?.available ? m.graph.frames.p95 : null;
  return {
    highlightWriteP95Ms: num(m.writes?.all.p95),
    highlightWriteP95Ms1k: num(m.writes1k?.all.p95),
    sqliteWriteP95Ms: num(m.sqliteFull?.all.p95),
    openWorkspaceMs: num(m.open?.open.median),
    mainRssMb: num(m.open?.rss.median),
    searchP95Ms: num(m.search?.searchP95Ms),
    readerFirstPaintMs: num(m.reader?.firstPaint.median),
    anchoringMs: num(m.anchoring?.anchoringMs),
    anchoringBaselineMs: num(m.anchoring?.anchoringBaselineMs),
    suggestGrowthVsLinear: num(m.suggest?.growthVsLinear),
    pdfExport100PagesMs: num(m.pdf?.export.median),
    graphFrameP95Ms: num(graph),
    readerEditP95Ms: num(m.reader?.edits.paint.p95),
    readerEditBytes: num(m.reader?.edits.bytes.p95),
    searchReadyMs: num(m.search?.saved?.searchReadyMs),
    pdfFirstPageMs: num(m.pdfView?.firstPage.median),
    pdfFirstPageP95Ms: num(m.pdfView?.firstPage.p95),
    pdfScrollFrameP95Ms: num(m.pdfView?.frames.p95),
    pdfHeapMaxMb: num(m.pdfView?.heapMaxMb),
    pdfHeapGrowth: num(m.pdfView ? m.pdfView.heapAfterAllPagesMb / m.pdfView.heapAfter20PagesMb : null),
    pdfLiveCanvasesMax: num(m.pdfView?.liveCanvasesMax),
    pdfRendererRssMaxMb: num(m.pdfView?.rendererRssMaxMb),
    teamEditsLost: num(m.team?.lost),
    teamSeenP95Ms: num(m.team?.seenP95Ms),
  };
}

function rows(m: Measured): FigureRow[] {
  const r: FigureRow[] = [];
  const add = (name: string, median: number | undefined, p95: number | undefined, unit: string, note: string) =>
    r.push({ name, median: num(median), p95: num(p95), unit, note });
  const w = m.writes;
  if (w) {
    add(`highlight write (${w.highlights})`, w.all.median, w.all.p95, 'ms', `${w.all.n} durable edits via Workbench: create ${w.byKind.create.p95}, update ${w.byKind.update.p95}, delete ${w.byKind.delete.p95} (p95)`);
    add('  delete of a cited highlight', w.deleteCited.median, w.deleteCited.p95, 'ms', 'cascade unlinks it from claims/relationships');
    add('  write that compacts', w.compactingWriteMs, undefined, 'ms', 'every 5,000 records; runs inside that commit');
  }
  if (m.writes1k && m.writes1k !== w) add(`highlight write (${m.writes1k.highlights})`, m.writes1k.all.median, m.writes1k.all.p95, 'ms', 'same edits on the 1k workspace');
  if (m.sqliteFull) add('sqlite WAL synchronous=FULL', m.sqliteFull.all.median, m.sqliteFull.all.p95, 'ms', `same ops, one transaction each, ${m.sqliteFull.rows} rows`);
  if (m.sqliteNormal) add('sqlite WAL synchronous=NORMAL', m.sqliteNormal.all.median, m.sqliteNormal.all.p95, 'ms', 'not durable on power loss');
  if (m.open) {
    add('open workspace', m.open.open.median, m.open.open.p95, 'ms', `fresh process: WorkspaceSession.start + sources.list (library phase); full state loaded at ${m.open.fullyLoaded.median} ms (median); first open of the day (writes the daily backup) ${m.open.firstOpenWithBackupMs} / ${m.open.firstFullyLoadedWithBackupMs} ms`);
    add('main RSS, workspace open', m.open.rss.median, m.open.rss.p95, 'MB', `after the background search build (ready ${m.open.searchReady.median} ms after open); ${m.open.rssAtLibrary.median} MB when the library is ready; peak ${m.open.peakRss.median} MB`);
  }
  if (m.search) add('search', m.search.searchP50Ms, m.search.searchP95Ms, 'ms', `benchSearch, ${m.search.queries} queries; index build ${Math.round(m.search.buildMs)} ms` + largeBuildNote(m.search.largeBuild));
  const saved = m.search?.saved;
  if (saved) {
    add('search ready after open', saved.searchReadyMs, undefined, 'ms', `saved index loaded (file ${saved.indexFileMb.toFixed(0)} MB); rebuilt from the data: ${Math.round(saved.searchReadyRebuildMs)} ms`);
    add('  main RSS, search ready', saved.rssMb, undefined, 'MB', `index share ${Math.round(saved.rssMb - saved.rssAtLibraryMb)} MB over ${Math.round(saved.rssAtLibraryMb)} MB at library ready; ${Math.round(saved.rssRebuildMb)} MB after a rebuild; index heap ${Math.round(m.search?.heapMb ?? 0)} MB (benchSearch)`);
  }
  if (m.reader) {
    add('reader first paint', m.reader.firstPaint.median, m.reader.firstPaint.p95, 'ms', `route change → marks painted; ${m.reader.highlights} highlights, ${m.reader.marksPainted} marks in view; request sent ${m.reader.breakdown.requestSentMs}, sources.open ${m.reader.breakdown.sourcesOpenRequestMs}, render ${m.reader.breakdown.renderAfterResponseMs} ms`);
    add('reader cold load', m.reader.coldLoad.median, m.reader.coldLoad.p95, 'ms', 'new page on the reader URL, from navigation start');
    add('library load (browser)', m.reader.libraryLoad.median, m.reader.libraryLoad.p95, 'ms', 'new page on the app URL until the sources table shows');
    const e = m.reader.edits;
    add('reader new highlight', e.paint.median, e.paint.p95, 'ms', `${e.edits} edits, selection → H → mark painted; request sent ${e.breakdown.requestSentMs}, highlights.create ${e.breakdown.createRequestMs}, render ${e.breakdown.renderAfterResponseMs} ms (medians); ${e.sourcesOpenCalls} refetched sources.open; calls: ${e.calls.join(', ')}`);
    add('  bytes over the wire per edit', e.bytes.median, e.bytes.p95, 'bytes', 'request + response bodies of every API call the edit caused');
  }
  if (m.anchoring) {
    add('anchoring (ours)', m.anchoring.anchoringMs, undefined, 'ms', `1,000 stale quotes in ${m.anchoring.textLength} units; found ${m.anchoring.ours.found}`);
    add('anchoring (apache-annotator)', m.anchoring.anchoringBaselineMs, undefined, 'ms', `found ${m.anchoring.baseline.found}`);
  }
  if (m.suggest) {
    const s = m.suggest;
    add('entity suggestions, 1 MB', s.largeMs, undefined, 'ms', `sample article repeated to ${s.largeChars.toLocaleString('en')} chars; ${s.smallMs.toFixed(0)} ms at ${s.smallChars.toLocaleString('en')}; growth ${s.growthVsLinear.toFixed(2)}× linear`);
  }
  if (m.pdf) add(`dossier PDF (${m.pdf.pages} pages)`, m.pdf.export.median, m.pdf.export.p95, 'ms', `${m.pdf.blocks} blocks, printed twice for the contents page; first export ${m.pdf.firstExportMs} ms`);
  const v = m.pdfView;
  if (v) {
    add(`PDF page view: open to page 1 (${v.pages} pages)`, v.firstPage.median, v.firstPage.p95, 'ms', `route change → page 1 drawn, ${v.firstPage.n} runs; sources.open reply at ${v.breakdown.openReplyMs ?? '—'}, PDF bytes at ${v.breakdown.bytesReplyMs ?? '—'} ms; Pages toggle → page 1 ${v.toggleToFirstPage.median} ms (0: opened in pages); import ${v.importMs} ms, ${(v.pdfBytes / 1e6).toFixed(1)} MB`);
    add('  scroll frame', v.frames.median, v.frames.p95, 'ms', `${v.frames.n} frames scrolling all pages at ${v.pagesPerSecond} pages/s (${v.scrollS} s); ${v.longFrames} over 33 ms`);
    const at = (f: (c: PdfViewBenchResult['checkpoints'][number]) => number | null) => v.checkpoints.map((c) => `${c.page}: ${f(c) ?? '—'}`).join(', ');
    add('  JS heap, max while scrolling', v.heapMaxMb, undefined, 'MB', `CDP JSHeapUsedSize every 0.5 s; after a GC at page ${at((c) => c.heapMb)} MB`);
    add('  renderer RSS, max while scrolling', v.rendererRssMaxMb ?? undefined, undefined, 'MB', `DOM, canvas pixels, pdf.js worker; after a GC at page ${at((c) => c.rendererRssMb)} MB; DOM nodes ${at((c) => c.domNodes)}; pdf.js worker heap ${at((c) => c.workerHeapMb)} MB`);
    add('  live canvases', v.liveCanvasesMax, undefined, 'count', `max with pixels while scrolling (${v.pageCanvasesMax} in pages, the rest thumbnails), ${v.canvasMegapixelsMax} Mpx at most; at most ${v.renderedPagesMax} pages drawn at once`);
  }
  const t = m.team;
  if (t) {
    add(`team sync: commit → seen (${t.clients} clients × ${t.editsPerSecond}/s)`, t.seenP50Ms, t.seenP95Ms, 'ms', `${t.edits} edits in ${t.seconds} s on a loopback PostgreSQL; ${t.lost} lost, ${t.duplicatesInDb} duplicated; max ${t.seenMaxMs} ms over ${t.samples} samples; settled ${t.settleMs} ms after the last edit`);
  }
  if (m.graph) {
    if (m.graph.available) add('graph pan frame', m.graph.frames.median, m.graph.frames.p95, 'ms', `${m.graph.frames.n} frames while dragging; ${m.graph.nodes} nodes, ${m.graph.edges} edges shown; screen loaded in ${m.graph.settleMs} ms`);
    else r.push({ name: 'graph pan frame', median: null, p95: null, unit: 'ms', note: m.graph.reason });
  }
  return r;
}

/** The search service building over a few huge sources: how long requests could be kept waiting. */
function largeBuildNote(b: BenchSearchResult['largeBuild'] | undefined): string {
  return b ? `; ${b.sources} × ${b.mbEach} MB sources: built in ${(b.buildMs / 1000).toFixed(1)} s, max event-loop gap ${Math.round(b.maxEventLoopGapMs)} ms, peak RSS ${Math.round(b.peakRssMb)} MB` : '';
}

/** The figures issue #14 names (null when their part did not run), beside the older keys. */
function issueKeys(m: Measured) {
  return {
    createP95Ms: num(m.writes?.byKind.create.p95),
    updateP95Ms: num(m.writes?.byKind.update.p95),
    deleteP95Ms: num(m.writes?.byKind.delete.p95),
    createP95Ms1k: num(m.writes1k?.byKind.create.p95),
    libraryRssMb: num(m.open?.rssAtLibrary.median),
    fullyLoadedMs: num(m.open?.fullyLoaded.median),
    libraryNewPageP95Ms: num(m.reader?.libraryLoad.p95),
    readerColdP95Ms: num(m.reader?.coldLoad.p95),
    graphVisibleMs: num(m.graph?.available ? m.graph.settleMs : null),
  };
}

export function buildResult(args: BenchArgs, m: Measured, durationS: number) {
  const f = figuresOf(m);
  const rs = ratios(f);
  const targets = checkTargets(f, args.size);
  const cpu = os.cpus();
  const json = {
    date: new Date().toISOString(),
    machine: {
      cores: cpu.length, cpu: cpu[0]?.model ?? '', memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}`,
      // Other work on the machine inflates timings: the 1-minute load average at the end of the run says how busy it was.
      loadAverage: os.loadavg().map((x) => round(x, 2)),
    },
    seed: args.seed,
    size: args.size,
    highlights: m.ws.counts.highlights ?? 0,
    ...f,
    ...issueKeys(m),
    sqliteNormalWriteP95Ms: num(m.sqliteNormal?.all.p95),
    ratios: { writeVsSqliteFull: num(rs.writeVsSqliteFull), writeVs1k: num(rs.writeVs1k), anchoringVsBaseline: num(rs.anchoringVsBaseline) },
    targets,
    workspace: { counts: m.ws.counts, textBytes: m.ws.textBytes, snapshotBytes: m.ws.snapshotBytes, cache: m.ws.dir },
    details: {
      writes: m.writes, writes1k: m.writes1k,
      sqliteFull: m.sqliteFull, sqliteNormal: m.sqliteNormal, open: m.open, search: m.search, anchoring: m.anchoring, suggest: m.suggest,
      reader: m.reader, graph: m.graph, pdf: m.pdf, pdfView: m.pdfView,
    },
    errors: m.errors,
    durationS: round(durationS, 1),
  };
  const title = `Workbench benchmark — ${m.ws.counts.highlights} highlights, ${m.ws.counts.sources} sources (${(m.ws.textBytes / 1e6).toFixed(1)} MB text, snapshot ${(m.ws.snapshotBytes / 1e6).toFixed(1)} MB), seed ${args.seed}, ${cpu.length} cores (load ${os.loadavg()[0]!.toFixed(1)}), ${round(durationS, 0)} s`;
  const text = renderReport({ title, figures: rows(m), targets, ratios: json.ratios });
  return { json, text };
}
