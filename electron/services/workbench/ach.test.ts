/** ACH matrices on a real temp workspace: grades become weights, edits undo, deleting evidence drops its row and undo restores it. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, snapshotOf, unwrap } from '../../../tests/support/analysis-fixture';
import {
  addEvidence, addHypothesis, createMatrix, deleteMatrix, getMatrix, listMatrices, matrixCsv, rateCell, removeHypothesis, updateMatrix,
} from './ach';
import { historyState } from './history';
import { createClaim } from './claims';
import { deleteHighlight } from './highlights';

async function matrixFixture() {
  const f = await analysisFixture();
  const { wb, article, report, highlight } = f;
  const strong = highlight(article, 'closest and most reliable');
  const weak = highlight(report, 'signed agreements on trade and energy');
  const claim = unwrap(createClaim(wb, {
    claimantId: null, statement: 'Türkiye is Kazakhstan’s closest partner', type: 'assessment', claimedAt: '', credibility: 2,
    evidenceHighlightIds: [strong.id], aboutEntityIds: [], tagIds: [],
  }));
  let m = unwrap(createMatrix(wb, { title: 'Why the summit?', question: 'What drives the partnership?' }));
  m = unwrap(addHypothesis(wb, { matrixId: m.matrix.id, label: 'Trade', note: '' }));
  m = unwrap(addHypothesis(wb, { matrixId: m.matrix.id, label: 'Security', note: '' }));
  m = unwrap(addEvidence(wb, { matrixId: m.matrix.id, kind: 'claim', refId: claim.id }));
  m = unwrap(addEvidence(wb, { matrixId: m.matrix.id, kind: 'highlight', refId: weak.id }));
  return { ...f, m, claim, strong, weak };
}

describe('ACH matrices', () => {
  it('weights each row by its Admiralty grade and ranks the hypotheses by weighted inconsistency', async () => {
    const { wb, m } = await matrixFixture();
    const [trade, security] = m.matrix.hypotheses;
    const [claimRow, highlightRow] = m.evidence;
    // The claim: source B (article), credibility 2 → B2. The highlight: source C (report), no credibility → C6.
    expect(claimRow).toMatchObject({ kind: 'claim', grade: 'B2', label: 'Türkiye is Kazakhstan’s closest partner' });
    expect(highlightRow).toMatchObject({ kind: 'highlight', grade: 'C6', label: 'signed agreements on trade and energy' });
    expect(claimRow!.passages[0]!.exact).toBe('closest and most reliable');
    expect(claimRow!.weight).toBeGreaterThan(highlightRow!.weight);

    const id = m.matrix.id;
    unwrap(rateCell(wb, { matrixId: id, evidenceId: claimRow!.id, hypothesisId: trade!.id, rating: 'I' }));
    unwrap(rateCell(wb, { matrixId: id, evidenceId: highlightRow!.id, hypothesisId: security!.id, rating: 'II' }));
    const v = unwrap(getMatrix(wb, id));
    // B2 = 0.85 × 0.85 ≈ 0.7225 (0.722 as floats round) against trade; C6 = 0.7 × 0.6 × 2 = 0.84 against security: trade is less inconsistent.
    expect(v.scores.map((s) => [s.hypothesisId, s.inconsistency, s.rank])).toEqual([[trade!.id, 0.722, 1], [security!.id, 0.84, 2]]);
    expect(v.evidence.every((e) => e.diagnostic)).toBe(true);
    // Trade leads only because the weak highlight weighs against security: without it (or read the other way) security
    // leads. Taking out the claim leaves trade ahead, so it is not listed.
    expect(v.sensitivity).toEqual([{ evidenceId: highlightRow!.id, ifRemoved: [security!.id], ifWrong: [security!.id] }]);
    await wb.close();
  });

  it('refuses unknown evidence, a repeat, and cells of unknown rows, with specific errors and nothing changed', async () => {
    const { wb, m, claim } = await matrixFixture();
    const before = snapshotOf(wb);
    const id = m.matrix.id;
    expect(addEvidence(wb, { matrixId: id, kind: 'claim', refId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'No claim with id nope.' } });
    expect(addEvidence(wb, { matrixId: id, kind: 'claim', refId: claim.id })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(rateCell(wb, { matrixId: id, evidenceId: 'x', hypothesisId: m.matrix.hypotheses[0]!.id, rating: 'C' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(getMatrix(wb, 'missing')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshotOf(wb)).toBe(before);
    await wb.close();
  });

  it('a new title and a new question are separate undo steps, each named for what it takes back', async () => {
    const { wb, m } = await matrixFixture();
    const id = m.matrix.id;
    unwrap(updateMatrix(wb, { id, title: 'Why Astana?' }));
    expect(historyState(wb).undoLabel).toBe('Rename ACH matrix');
    const renamed = unwrap(updateMatrix(wb, { id, question: 'What drives it?' }));
    expect(renamed.matrix).toMatchObject({ title: 'Why Astana?', question: 'What drives it?' });
    expect(historyState(wb).undoLabel).toBe('Edit ACH matrix question');
    unwrap(wb.step('undo'));
    expect(unwrap(getMatrix(wb, id)).matrix).toMatchObject({ title: 'Why Astana?', question: 'What drives the partnership?' });
    unwrap(wb.step('undo'));
    expect(unwrap(getMatrix(wb, id)).matrix).toMatchObject({ title: 'Why the summit?', question: 'What drives the partnership?' });
    await wb.close();
  });

  it('removing a hypothesis drops its column of ratings; undo brings both back', async () => {
    const { wb, m } = await matrixFixture();
    const id = m.matrix.id;
    const [trade] = m.matrix.hypotheses;
    unwrap(rateCell(wb, { matrixId: id, evidenceId: m.evidence[0]!.id, hypothesisId: trade!.id, rating: 'CC' }));
    const rated = snapshotOf(wb);
    const after = unwrap(removeHypothesis(wb, { matrixId: id, hypothesisId: trade!.id }));
    expect(after.matrix.hypotheses.map((h) => h.label)).toEqual(['Security']);
    expect(after.matrix.evidence[0]!.ratings).toEqual({});
    unwrap(wb.step('undo'));
    expect(snapshotOf(wb)).toBe(rated);
    await wb.close();
  });

  it('deleting a highlight used as evidence removes its row with its ratings; undo restores the row and the ratings', async () => {
    const { wb, m, weak } = await matrixFixture();
    const id = m.matrix.id;
    unwrap(rateCell(wb, { matrixId: id, evidenceId: m.evidence[1]!.id, hypothesisId: m.matrix.hypotheses[1]!.id, rating: 'I' }));
    const before = snapshotOf(wb);
    unwrap(deleteHighlight(wb, weak.id));
    expect(unwrap(getMatrix(wb, id)).evidence.map((e) => e.kind)).toEqual(['claim']);
    unwrap(wb.step('undo'));
    expect(snapshotOf(wb)).toBe(before);
    expect(unwrap(getMatrix(wb, id)).matrix.evidence[1]!.ratings).toEqual({ [m.matrix.hypotheses[1]!.id]: 'I' });
    await wb.close();
  });

  it('exports the matrix as CSV with a BOM for spreadsheets, lists and deletes matrices', async () => {
    const { wb, m } = await matrixFixture();
    const file = unwrap(matrixCsv(wb, m.matrix.id));
    const csv = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    expect(file.fileName).toBe('Why the summit.csv');
    expect(csv.startsWith('\uFEFFEvidence,Grade,Weight,Diagnostic,Trade,Security\r\n')).toBe(true);
    expect(csv).toContain('Türkiye is Kazakhstan’s closest partner,B2,0.722,no,N,N');
    expect(listMatrices(wb).map((x) => [x.title, x.hypotheses, x.evidence])).toEqual([['Why the summit?', 2, 2]]);
    unwrap(deleteMatrix(wb, m.matrix.id));
    expect(listMatrices(wb)).toEqual([]);
    await wb.close();
  });
});
