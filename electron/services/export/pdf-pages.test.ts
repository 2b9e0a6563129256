/** Page layout of printed dossiers (headless Chromium, checked with poppler): short sections flow, headings stay with their content, and "each section on a new page" works with a true contents page. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierSection } from '../../../shared/domain/types';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { createDossier, updateDossier } from '../workbench/dossiers';
import { newId } from '../workbench/workbench';
import { ChromiumPrinter, chromiumAvailable } from './chromium-printer';
import { buildSampleWorkspace, type SampleWorkspace } from '../../../tests/support/dossier-fixture';
import { prepareDossierExport } from './dossier-export';
import { hasPoppler } from '../../../tests/support/poppler';

const OUT = process.env.DOSSIER_PDF_OUT ?? tempDir('wb-dossier-pages-');
const TITLE = 'Layout check';

/** Each page's text lines without the running header (title, "Dossier") and the "Page N of M" footer. */
function pages(file: string): string[][] {
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1).map((page) => page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '' && l !== TITLE && l !== 'Dossier' && !/^Page \d+ of \d+$/.test(l)));
}

/** The contents page(s) as laid out, for reading "title ..... page" lines. */
const contents = (file: string, last = 2): string => execFileSync('pdftotext', ['-layout', '-f', '2', '-l', String(last), file, '-'], { encoding: 'utf8' });
const entryPage = (toc: string, title: string): number => Number(new RegExp(`^\\s*${title}[ .]*?(\\d+)\\s*$`, 'm').exec(toc)?.[1] ?? NaN);

const pageCount = (file: string): number => Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

/** Some words of made-up prose, different for each n, so paragraphs end at varied places on the line. */
function prose(n: number, sentences: number): string {
  const words = ['the', 'delegation', 'met', 'again', 'in', 'Astana', 'to', 'discuss', 'transit', 'routes', 'and', 'energy', 'prices', 'over', 'several', 'days'];
  return Array.from({ length: sentences }, (_, s) =>
    `${Array.from({ length: 8 + ((n * 7 + s * 5) % 17) }, (_, w) => words[(n + s + w) % words.length]).join(' ')}.`).join(' ');
}

describe.skipIf(!chromiumAvailable() || !hasPoppler)('dossier page layout', () => {
  let ws: SampleWorkspace;
  const printer = new ChromiumPrinter({ idleMs: 5_000 });

  async function print(sections: DossierSection[], newPagePerSection: boolean | undefined, name: string): Promise<string> {
    const created = createDossier(ws.wb, { title: TITLE, subjectIds: [ws.e.kz.id], author: 'Test' });
    if (!created.ok) throw new Error(created.error.message);
    const updated = updateDossier(ws.wb, { id: created.value.id, sections, ...(newPagePerSection === undefined ? {} : { newPagePerSection }) });
    if (!updated.ok) throw new Error(updated.error.message);
    const prepared = prepareDossierExport(ws.wb, created.value.id, 'pdf');
    if (!prepared.ok) throw new Error(prepared.error.message);
    const file = path.join(OUT, `${name}.pdf`);
    fs.writeFileSync(file, await prepared.value.produce(printer.print));
    console.log(`[pdf-pages.test] ${name}: ${pageCount(file)} pages, ${file}`);
    return file;
  }

  const oneClaim = (): DossierSection[] => [{ id: newId(), title: 'Key claims', blocks: [{ id: newId(), kind: 'claim', text: '', refId: ws.c.support.id }] }];
  /**
   * Thirty sections of varied length: their headings land at every height of the page, the bottom included.
   * Every third one opens with a claim card (printed whole) instead of text.
   */
  const manySections = (): DossierSection[] => Array.from({ length: 30 }, (_, i) => ({
    id: newId(), title: `Part ${i + 1}`, blocks: [
      ...(i % 3 === 2 ? [{ id: newId(), kind: 'claim' as const, text: '', refId: ws.c.partner.id }] : []),
      { id: newId(), kind: 'text', text: prose(i, 1 + (i % 9)), refId: null },
    ],
  }));

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    ws = await buildSampleWorkspace(tempDir(), sampleArticle());
  });

  afterAll(async () => {
    await printer.close();
    await ws?.wb.close();
  });

  it('prints a dossier of one claim in one section on a few pages: cover, contents, the section with its notes and sources', async () => {
    const file = await print(oneClaim(), undefined, 'one-claim');
    expect(pageCount(file)).toBeLessThanOrEqual(4);
    const text = pages(file);
    expect(text[0]).toContain('DOSSIER'); // the cover (its title line is dropped with the running header's)
    expect(text[1]![0]).toBe('Contents');
    expect(text.slice(2).flat()).toEqual(expect.arrayContaining(['1 Key claims', 'Notes', 'Sources']));
  });

  it('never leaves a section heading alone at the bottom of a page', async () => {
    const file = await print(manySections(), undefined, 'flowing');
    const headings = new Set(Array.from({ length: 30 }, (_, i) => `${i + 1} Part ${i + 1}`));
    const body = pages(file).slice(2);
    expect(body.length).toBeGreaterThan(3); // several pages, so page ends do fall between sections
    const orphans = body.map((lines, i) => ({ page: i + 3, last: lines[lines.length - 1] })).filter((p) => p.last && headings.has(p.last));
    expect(orphans).toEqual([]);
  });

  it('with "each section on a new page", starts every section at the top of the page its contents entry names', async () => {
    const file = await print(manySections().slice(0, 6), true, 'new-page-each');
    const text = pages(file);
    const toc = contents(file);
    for (const [i, title] of ['Part 1', 'Part 2', 'Part 3', 'Part 4', 'Part 5', 'Part 6', 'Notes', 'Sources'].entries()) {
      const page = entryPage(toc, i < 6 ? `${i + 1}\\s+${title}` : title);
      expect(text[page - 1]?.[0], title).toBe(i < 6 ? `${i + 1} ${title}` : title);
    }
    expect(pageCount(file)).toBe(2 + 6 + 2);
  });

  it('with sections flowing, the contents still name the page each section starts on', async () => {
    const file = await print(manySections(), false, 'flowing-toc');
    const text = pages(file);
    const toc = contents(file, 3);
    for (const n of [1, 10, 20, 30]) {
      const heading = `${n} Part ${n}`;
      const page = entryPage(toc, `${n}\\s+Part ${n}`);
      expect(text[page - 1], heading).toContain(heading);
      // Not already on the page before: the number names where the section starts.
      expect(text[page - 2], heading).not.toContain(heading);
    }
    for (const title of ['Notes', 'Sources']) expect(text[entryPage(toc, title) - 1], title).toContain(title);
  });
});
