/** End to end without a UI: sample workspace -> auto-drafted dossier -> PDF via headless Chromium, checked with poppler. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { draftDossier } from '../workbench/dossiers';
import { buildSampleWorkspace, SENTENCE, SOURCE_TITLE, type SampleWorkspace } from '../../../tests/support/dossier-fixture';
import { ChromiumPrinter, chromiumAvailable, chromiumPath } from './chromium-printer';
import { prepareDossierExport } from './dossier-export';
import { hasPoppler } from '../../../tests/support/poppler';

const hasChromium = chromiumAvailable();
if (!hasChromium) console.warn(`[pdf-export.test] skipped: no Chromium at ${chromiumPath()} (set CHROMIUM_PATH or install chromium)`);
if (hasChromium && !hasPoppler) console.warn('[pdf-export.test] skipped: poppler-utils (pdftotext, pdfinfo) not installed');

const OUT = process.env.DOSSIER_PDF_OUT ?? tempDir('wb-dossier-pdf-');

describe.skipIf(!hasChromium || !hasPoppler)('dossier PDF through headless Chromium', () => {
  let ws: SampleWorkspace;
  const printer = new ChromiumPrinter({ idleMs: 5_000 });
  let pdfFile = '';

  beforeAll(async () => {
    ws = await buildSampleWorkspace(tempDir(), sampleArticle());
    const d = draftDossier(ws.wb, { subjectIds: [ws.e.tr.id, ws.e.kz.id], author: 'Ayşe Yılmaz' });
    if (!d.ok) throw new Error(d.error.message);
    const prepared = prepareDossierExport(ws.wb, d.value.id, 'pdf');
    if (!prepared.ok) throw new Error(prepared.error.message);
    const started = performance.now();
    const bytes = await prepared.value.produce(printer.print);
    console.log(`[pdf-export.test] sample dossier to PDF in ${Math.round(performance.now() - started)} ms (${bytes.length} bytes)`);
    fs.mkdirSync(OUT, { recursive: true });
    pdfFile = path.join(OUT, prepared.value.fileName);
    fs.writeFileSync(pdfFile, bytes);
  });

  afterAll(async () => {
    await printer.close();
    await ws?.wb.close();
  });

  it('holds the quoted sentence, the names in exact Unicode, the citation and page footers as real text', () => {
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(SENTENCE);
    for (const name of ['Türkiye', 'Erdoğan', 'Çavuşoğlu', 'Kassym-Jomart Tokayev', 'Türkiye–Kazakhstan relations']) expect(flat).toContain(name);
    expect(flat).toContain(SOURCE_TITLE);
    const para = ws.text.slice(0, ws.text.indexOf(SENTENCE)).split('\n\n').length;
    const start = ws.text.indexOf(SENTENCE);
    expect(flat).toContain(`¶ ${para}, characters ${start}–${start + SENTENCE.length}`);
    expect(flat).toMatch(/Page 1 of \d+/);
  });

  it('carries Title and Author in the PDF metadata', () => {
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Türkiye–Kazakhstan relations$/m);
    expect(info).toMatch(/^Author:\s+Ayşe Yılmaz$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
  });

  it('keeps the tagging and the outline Chromium wrote after Title and Author are added (ADR 0007)', async () => {
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(pdfFile)), isEvalSupported: false }).promise;
    try {
      type Item = { title: string; items?: Item[] };
      const titles = (items: Item[]): string[] => items.flatMap((o) => [o.title, ...titles(o.items ?? [])]);
      expect(titles((await doc.getOutline()) ?? [])).toContain('Notes');
    } finally {
      await doc.destroy();
    }
  });

  it('numbers the contents with the pages the sections really start on', () => {
    const contents = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdfFile, '-'], { encoding: 'utf8' });
    const entry = (title: string) => Number(new RegExp(`${title}[ .]*?(\\d+)\\s*$`, 'm').exec(contents)?.[1]);
    for (const title of ['Key claims', 'Graph', 'Notes', 'Sources']) {
      const page = entry(title);
      expect(page, title).toBeGreaterThan(2);
      // Sections flow on (see pdf-pages.test.ts): the heading is on the page named, and not on the one before.
      const linesOf = (p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdfFile, '-'], { encoding: 'utf8' })
        .split('\n').map((l) => l.trim());
      const heading = new RegExp(`^(\\d+ )?${title}$`);
      expect(linesOf(page).some((l) => heading.test(l)), title).toBe(true);
      if (page - 1 > 2) expect(linesOf(page - 1).some((l) => heading.test(l)), title).toBe(false); // page 2 is the contents
    }
  });

  it('renders pages 1–2 to PNG for a look', () => {
    const prefix = path.join(OUT, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfFile, prefix]);
    const pngs = fs.readdirSync(OUT).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pngs.length).toBe(2);
    console.log(`[pdf-export.test] pages 1–2 as PNG: ${pngs.map((f) => path.join(OUT, f)).join(', ')}`);
  });
});
