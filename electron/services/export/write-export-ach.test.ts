/** The desktop save flow for an ACH matrix: the CSV the services produce is written where the dialog pointed, and a missing matrix is a clear error. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../api/handlers';
import { analysisFixture, unwrap, type Fixture } from '../../../tests/support/analysis-fixture';
import { addEvidence, addHypothesis, createMatrix, rateCell } from '../workbench/ach';
import { tempDir } from '../../../tests/unit/helpers';
import { writeExportFile } from './write-export';

let f: Fixture | null = null;
afterEach(async () => {
  await f?.wb.close();
  f = null;
});

describe('writeExportFile for an ACH matrix', () => {
  it('writes the matrix CSV byte for byte as ach.csv produces it', async () => {
    f = await analysisFixture();
    const { wb, article, highlight } = f;
    let m = unwrap(createMatrix(wb, { title: 'Why the summit?', question: '' }));
    m = unwrap(addHypothesis(wb, { matrixId: m.matrix.id, label: 'Trade', note: '' }));
    m = unwrap(addEvidence(wb, { matrixId: m.matrix.id, kind: 'highlight', refId: highlight(article, 'closest and most reliable').id }));
    unwrap(rateCell(wb, { matrixId: m.matrix.id, evidenceId: m.evidence[0]!.id, hypothesisId: m.matrix.hypotheses[0]!.id, rating: 'II' }));
    const handlers = createHandlers(wb, { seeded: false, printer: async () => new Uint8Array() });
    const target = path.join(tempDir('wb-save-'), 'matrix.csv');

    const r = await writeExportFile(handlers, { kind: 'ach', matrixId: m.matrix.id }, target);
    const want = unwrap(await handlers['ach.csv']({ id: m.matrix.id }));
    expect(r).toMatchObject({ ok: true, value: { path: target } });
    expect(fs.readFileSync(target).equals(Buffer.from(want.dataBase64, 'base64'))).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toContain('closest and most reliable,B6,');

    const missing = await writeExportFile(handlers, { kind: 'ach', matrixId: 'gone' }, path.join(path.dirname(target), 'gone.csv'));
    expect(missing).toEqual({ ok: false, error: { code: 'export_failed', message: 'No ACH matrix with id gone.' } });
    expect(fs.existsSync(path.join(path.dirname(target), 'gone.csv'))).toBe(false);
  });
});
