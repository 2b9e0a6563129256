/** ACH scoring: weighted inconsistency ranks, non-diagnostic evidence, sensitivity of the leader, CSV. */
import { describe, expect, it } from 'vitest';
import { achCsv, csvField, evidenceWeight, isDiagnostic, scoreHypotheses, sensitivity, type AchEvidenceRow } from './ach';

const H = ['h1', 'h2', 'h3'];
const row = (id: string, weight: number, r: [string?, string?, string?]): AchEvidenceRow => ({
  id, weight, ratings: Object.fromEntries(H.map((h, i) => [h, r[i]])) as AchEvidenceRow['ratings'],
});

describe('ACH scores', () => {
  it('ranks by weighted inconsistency, II counting twice, consistency adding nothing', () => {
    const rows = [row('e1', 1, ['C', 'I', 'II']), row('e2', 0.5, ['CC', 'C', 'I'])];
    const s = scoreHypotheses(H, rows);
    expect(s.map((x) => [x.hypothesisId, x.inconsistency, x.rawInconsistency, x.rank])).toEqual([
      ['h1', 0, 0, 1], ['h2', 1, 1, 2], ['h3', 2.5, 3, 3],
    ]);
  });

  it('lets a well-graded item outweigh two poorly graded ones', () => {
    const strong = evidenceWeight('A', 1);
    const weak = evidenceWeight('E', 5);
    const rows = [row('a', strong, ['I', 'C', 'C']), row('b', weak, ['C', 'I', 'C']), row('c', weak, ['C', 'I', 'C'])];
    const s = scoreHypotheses(H, rows);
    expect(s[0]!.hypothesisId).toBe('h3');
    expect(s.find((x) => x.hypothesisId === 'h2')!.rank).toBeLessThan(s.find((x) => x.hypothesisId === 'h1')!.rank);
  });

  it('gives tied hypotheses the same rank and treats unrated cells as neutral', () => {
    const s = scoreHypotheses(H, [row('e1', 1, ['I', undefined, 'I'])]);
    expect(s.map((x) => [x.hypothesisId, x.rank])).toEqual([['h2', 1], ['h1', 2], ['h3', 2]]);
  });

  it('weights "cannot be judged" above unreliable and below completely reliable', () => {
    expect(evidenceWeight('F', 6)).toBeGreaterThan(evidenceWeight('E', 5));
    expect(evidenceWeight('F', 6)).toBeLessThan(evidenceWeight('A', 1));
    expect(evidenceWeight('A', 1)).toBe(1);
  });
});

describe('diagnosticity', () => {
  it('marks evidence that adds the same inconsistency to every hypothesis as non-diagnostic', () => {
    expect(isDiagnostic(H, row('e', 1, ['C', 'CC', 'C']))).toBe(false);
    expect(isDiagnostic(H, row('e', 1, ['I', 'I', 'I']))).toBe(false);
    expect(isDiagnostic(H, row('e', 1, ['C', 'C', 'I']))).toBe(true);
    expect(isDiagnostic(H, row('e', 1, ['I', 'II', 'I']))).toBe(true);
  });
});

describe('sensitivity', () => {
  it('lists the single items whose removal or reversal changes the leading hypothesis, and only those', () => {
    // h1 leads only because of e1's inconsistency with h2; e3 is non-diagnostic.
    const rows = [row('e1', 1, ['C', 'I', 'C']), row('e2', 0.6, ['C', 'C', 'I']), row('e3', 1, ['C', 'C', 'C'])];
    const s = sensitivity(H, rows);
    expect(s.map((x) => x.evidenceId)).toEqual(['e1', 'e2']);
    expect(s[0]).toEqual({ evidenceId: 'e1', ifRemoved: ['h1', 'h2'], ifWrong: ['h2'] });
    expect(s[1]!.ifRemoved).toEqual(['h1', 'h3']);
  });
});

describe('CSV', () => {
  it('writes one row per item, the scores and ranks, quoting and defusing spreadsheet formulas', () => {
    const csv = achCsv({
      hypotheses: [{ id: 'h1', label: 'Corridor, as planned' }, { id: 'h2', label: 'Delayed' }, { id: 'h3', label: 'Cancelled' }],
      evidence: [{ row: row('e1', 0.85, ['C', 'I', 'II']), label: '=HYPERLINK("x") "said"', grade: 'B1' }],
    });
    expect(csv.split('\r\n')).toEqual([
      'Evidence,Grade,Weight,Diagnostic,"Corridor, as planned",Delayed,Cancelled',
      `"'=HYPERLINK(""x"") ""said""",B1,0.850,yes,C,I,II`,
      'Weighted inconsistency,,,,0,0.85,1.7',
      'Rank,,,,1,2,3',
      '',
    ]);
    expect(csvField('-1')).toBe("'-1");
  });
});
