/** Dossier PDF export of ~100 pages through the real services (prepareDossierExport + ChromiumPrinter), on a workspace copy. */
import { Workbench } from '../../electron/services/workbench/workbench';
import { createDossier, updateDossier } from '../../electron/services/workbench/dossiers';
import { prepareDossierExport } from '../../electron/services/export/dossier-export';
import { ChromiumPrinter } from '../../electron/services/export/chromium-printer';
import type { DossierSection } from '../../shared/domain/types';
import { chromiumExecutable } from './browser';
import { freshCopy, type CachedWorkspace } from './workspace-cache';
import { Rng, sentence } from './random';
import { progress, roundSummary, summarize, type Summary } from './stats';

export interface PdfBenchResult {
  /** Warm exports (the printer's browser already running, as after the first export of a session). */
  export: Summary;
  /** The first export of the process, including starting headless Chromium. */
  firstExportMs: number;
  pages: number;
  blocks: number;
  pdfBytes: number;
}

const TARGET_PAGES = 100;
type RefKind = 'claim' | 'quote' | 'relationship' | 'entity';
const KINDS: Array<RefKind | 'text'> = ['claim', 'quote', 'relationship', 'quote', 'entity', 'claim', 'quote', 'text'];

/** Pages of a Chromium PDF: its page objects (Skia writes them uncompressed). */
function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

function sectionsWith(wb: Workbench, r: Rng, blocks: number): DossierSection[] {
  const ids = (c: 'claims' | 'highlights' | 'relationships' | 'entities') => wb.state.all(c).slice(0, 5000).map((x) => x.id);
  const refs: Record<RefKind, string[]> = { claim: ids('claims'), quote: ids('highlights'), relationship: ids('relationships'), entity: ids('entities') };
  const sections: DossierSection[] = [];
  const perSection = 25;
  for (let i = 0; i < blocks; i++) {
    if (i % perSection === 0) {
      sections.push({ id: r.uuid(), title: `${sentence(r, 2, 5).slice(0, -1)} ${sections.length + 1}`, blocks: [] });
      if (sections.length === 1) {
        sections[0]!.blocks.push({ id: r.uuid(), kind: 'graph', text: '', refId: null }, { id: r.uuid(), kind: 'timeline', text: '', refId: null });
      }
    }
    const kind = KINDS[i % KINDS.length]!;
    const refId = kind === 'text' ? null : r.pick(refs[kind]);
    const text = kind === 'text' ? `${sentence(r, 20, 60)} **${sentence(r, 3, 6)}** ${sentence(r, 20, 60)}` : '';
    sections[sections.length - 1]!.blocks.push({ id: r.uuid(), kind, text, refId });
  }
  return sections;
}

function must<T>(x: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!x.ok) throw new Error(`bench: ${x.error.message}`);
  return x.value;
}

export async function benchPdfExport(ws: CachedWorkspace, seed: number, runs = 2): Promise<PdfBenchResult> {
  const wb = await Workbench.open(freshCopy(ws, 'pdf'), { purpose: 'bench (pdf)', autoBackup: false });
  const printer = new ChromiumPrinter({ executablePath: chromiumExecutable(), idleMs: 600_000 });
  const r = new Rng(seed ^ 0x9df);
  try {
    const subjects = wb.state.all('entities').slice(0, 2).map((e) => e.id);
    const dossier = must(createDossier(wb, { title: 'Benchmark dossier — İstanbul görüşmeleri', subjectIds: subjects, author: 'Bench' }));
    const exportOnce = async (): Promise<{ ms: number; pdf: Uint8Array }> => {
      const t0 = performance.now();
      const prepared = must(prepareDossierExport(wb, dossier.id, 'pdf'));
      const pdf = await prepared.produce(printer.print);
      return { ms: performance.now() - t0, pdf };
    };
    // Calibrate the number of blocks to ~100 pages (these prints are not timed, except the very first).
    let blocks = 300;
    let firstExportMs = Number.NaN;
    let pages = 0;
    let pdfBytes = 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      must(updateDossier(wb, { id: dossier.id, sections: sectionsWith(wb, r, blocks) }));
      const first = await exportOnce();
      if (attempt === 0) firstExportMs = first.ms;
      pages = countPdfPages(first.pdf);
      pdfBytes = first.pdf.length;
      progress(`  pdf: ${blocks} blocks → ${pages} pages in ${(first.ms / 1000).toFixed(1)} s`);
      if (pages >= TARGET_PAGES * 0.95 && pages <= TARGET_PAGES * 1.1) break;
      blocks = Math.max(10, Math.round((blocks * TARGET_PAGES * 1.02) / Math.max(1, pages)));
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { ms, pdf } = await exportOnce();
      times.push(ms);
      pages = countPdfPages(pdf);
      pdfBytes = pdf.length;
    }
    return { export: roundSummary(summarize(times), 0), firstExportMs: Math.round(firstExportMs), pages, blocks, pdfBytes };
  } finally {
    await printer.close();
    await wb.close();
  }
}
