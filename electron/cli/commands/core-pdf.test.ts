/** `workbench import` of PDFs (built CLI, parse in the import worker): the page count, and what an upgrade carried. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Workbench } from '../../services/workbench/workbench';
import { addDocument } from '../../services/workbench/sources';
import { createHighlight } from '../../services/workbench/highlights';
import { emptyMeta } from '../../services/import/types';
import { ensureBuilt } from '../../../tests/robustness/build';
import { runCli } from '../../../tests/robustness/child';
import { tempDir } from '../../../tests/unit/helpers';

const P1 = 'The harbour authority reviewed the grain corridor plan in great detail.';
const P2 = 'Observers questioned the pipeline tariff and the border census again.';

async function writePdf(file: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const t of [P1, P2]) doc.addPage([560, 600]).drawText(t, { x: 20, y: 540, size: 11, font });
  fs.writeFileSync(file, await doc.save());
}

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

describe('workbench import (PDF)', () => {
  it('prints the page count of a new PDF source, and keeps the original', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'brief.pdf');
    await writePdf(file);
    const r = runCli(dir, ['import', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/brief\.pdf: imported “.*” \([0-9a-f-]{36}\) — 2 pages\n$/);
    const wb = await Workbench.open(dir, { autoBackup: false });
    const [source] = wb.state.all('sources');
    expect(wb.store.captures.get(source!.pdf!.original.sha256)?.equals(fs.readFileSync(file))).toBe(true);
    await wb.close();
  }, 60_000);

  it('prints what an upgrade of a text-only source carried and which highlights it orphaned', async () => {
    const dir = tempDir();
    const oldText = `Draft copy\n\n${P1}\n\n${P2} A closing remark the new reading lacks entirely.`;
    const wb = await Workbench.open(dir, { autoBackup: false });
    const added = addDocument(wb, { kind: 'pdf', text: oldText, meta: { ...emptyMeta(), title: 'Harbour report' } }, 'brief.pdf');
    if (!added.ok) throw new Error(added.error.message);
    const mark = (words: string) => {
      const start = oldText.indexOf(words);
      const h = createHighlight(wb, { sourceId: added.value.source.id, start, end: start + words.length, color: 'yellow', tagIds: [], note: '' });
      if (!h.ok) throw new Error(h.error.message);
      return h.value.id;
    };
    mark('grain corridor');
    const orphan = mark('lacks entirely');
    await wb.close();
    const file = path.join(tempDir(), 'Brief.PDF');
    await writePdf(file);
    const r = runCli(dir, ['import', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${file}: gave “Harbour report” (${added.value.source.id}) its pages (2 pages); ` +
      `1 highlight carried, 1 orphaned\n  orphan ${orphan}: “lacks entirely”\n`);
  }, 60_000);
});
