import { describe, expect, it } from 'vitest';
import { dateError, draftFrom, previewGrade } from './claimDraft';

const passage = { highlightId: 'h1', sourceId: 's1', sourceTitle: 'Article', exact: 'We will continue to support Kazakhstan' };

describe('claim draft', () => {
  it('starts a new claim from a highlight: its quote is the statement, credibility not yet judged', () => {
    const d = draftFrom(null, { evidence: [passage] });
    expect(d.statement).toBe(passage.exact);
    expect(d.credibility).toBe(6);
    expect(d.evidence).toEqual([passage]);
  });

  it('previews the grade from the best evidence source and the credibility', () => {
    const reliability: Record<string, 'B' | 'D'> = { s1: 'D', s2: 'B' };
    const two = { evidence: [passage, { ...passage, highlightId: 'h2', sourceId: 's2' }], credibility: 2 as const };
    expect(previewGrade(two, (id) => reliability[id])).toBe('B2');
    expect(previewGrade({ evidence: [], credibility: 3 }, () => 'A')).toBe('F3');
  });

  it('accepts partial dates only', () => {
    expect(dateError('')).toBeNull();
    expect(dateError('2022-10-12')).toBeNull();
    expect(dateError('2022-10')).toBeNull();
    expect(dateError('12/10/2022')).toMatch(/YYYY-MM-DD/);
  });
});
