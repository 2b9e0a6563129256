/** Dossier exports of passages in a PDF with pages: "p. 2" in every format, the area crop embedded in the HTML and printed in the PDF. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/unit/helpers';
import { hasPoppler } from '../../../tests/support/poppler';
import { PAGED_TEXT } from '../../../tests/support/paged-source-fixture';
import { buildPagedWorkspace, type PagedWorkspace } from '../../../tests/support/paged-workspace';
import { ChromiumPrinter, chromiumAvailable } from './chromium-printer';
import { prepareDossierExport, type DossierFormat } from './dossier-export';

const hasChromium = chromiumAvailable();
const OUT = process.env.DOSSIER_PDF_OUT ?? tempDir('wb-paged-dossier-');
const p2 = { start: PAGED_TEXT.indexOf('Türkiye backs Kazakhstan'), end: PAGED_TEXT.indexOf('Türkiye backs Kazakhstan') + 24 };

let ws: PagedWorkspace;
beforeAll(async () => {
  ws = await buildPagedWorkspace(tempDir());
});
afterAll(async () => {
  await ws?.wb.close();
});

async function exported(format: DossierFormat): Promise<string> {
  const prepared = prepareDossierExport(ws.wb, ws.dossier.id, format);
  if (!prepared.ok) throw new Error(prepared.error.message);
  return Buffer.from(await prepared.value.produce(async () => new Uint8Array())).toString('utf8');
}

describe('dossier exports of a PDF source with pages', () => {
  it('HTML embeds the area crop read from captures/ as a data: URI, allowed by its Content-Security-Policy, and cites p. 2', async () => {
    const html = await exported('html');
    const uri = `data:image/png;base64,${Buffer.from(ws.png).toString('base64')}`;
    expect(html).toContain(`<img src="${uri}" alt="Area on p. 3">`);
    expect(html).toMatch(/Content-Security-Policy" content="[^"]*img-src data:/);
    expect(html).toContain(`p. 2, ¶ 2, characters ${p2.start}–${p2.end}`);
  });

  it('Markdown names the area "[figure: area on p. 3]" and cites the pages; JSON carries the pages of each note', async () => {
    const md = await exported('md');
    expect(md).toMatch(/> \[figure: area on p\. 3\]\[\^\d+\]/);
    expect(md).toContain(`p. 2, ¶ 2, characters ${p2.start}–${p2.end}`);
    expect(md).toMatch(/pp\. 2–3, ¶ 2, characters/);
    const json = JSON.parse(await exported('json')) as { notes: Array<{ highlightId: string; pages?: number[] }> };
    expect(json.notes.map((n) => [n.highlightId, n.pages])).toEqual([['h-page2', [2, 2]], ['h-area', [3, 3]], ['h-break', [2, 3]], ['h-page1', [1, 1]]]);
  });
});

describe.skipIf(!hasChromium || !hasPoppler)('dossier PDF of a PDF source with pages (headless Chromium)', () => {
  const printer = new ChromiumPrinter({ idleMs: 5_000 });
  let pdfFile = '';

  beforeAll(async () => {
    const prepared = prepareDossierExport(ws.wb, ws.dossier.id, 'pdf');
    if (!prepared.ok) throw new Error(prepared.error.message);
    fs.mkdirSync(OUT, { recursive: true });
    pdfFile = path.join(OUT, prepared.value.fileName);
    fs.writeFileSync(pdfFile, await prepared.value.produce(printer.print));
  });
  afterAll(async () => {
    await printer.close();
  });

  it('prints "p. 2" for the passage on page 2, "pp. 2–3" for the one over the break and "p. 3" for the area, as real text', () => {
    const flat = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flat).toContain(`p. 2, ¶ 2, characters ${p2.start}–${p2.end}: “Türkiye backs Kazakhstan”`);
    expect(flat).toMatch(/pp\. 2–3, ¶ 2, characters \d+–\d+: “Erdoğan said the deal stands\. Figure 3”/);
    expect(flat).toContain('p. 3: image of an area of the page');
    expect(flat).toContain('Area on p. 3');
  });

  it('prints the area crop as an image (twice: claim evidence and quote block)', () => {
    const list = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' });
    const rows = list.split('\n').slice(2).filter((l) => /\S/.test(l) && / image /.test(l));
    // The 240 × 120 chart; Chromium may share one image object between both uses, so at least one row of that size.
    expect(rows.some((r) => /\s240\s+120\s/.test(r))).toBe(true);
    const prefix = path.join(OUT, 'paged');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '3', '-l', '3', pdfFile, prefix]);
    console.log(`[paged-dossier.test] ${pdfFile}; page 3 as PNG under ${OUT}`);
  });
});
