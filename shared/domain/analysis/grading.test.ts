/** Admiralty codes, best-of-sources, and the independence rule behind corroboration. */
import { describe, expect, it } from 'vitest';
import {
  areIndependent, backingSources, bestReliability, compareGrades, gradeCode, gradeMatches, isCorroborated, type EvidenceGraph, type SourceIdentity,
} from './grading';

const src = (id: string, contentHash: string, publisher: string): SourceIdentity => ({ id, contentHash, publisher });

function graph(evidence: Record<string, SourceIdentity[]>, supports: Record<string, string[]> = {}): EvidenceGraph {
  return {
    evidenceSourcesOf: (id) => evidence[id] ?? [],
    supportersOf: (id) => Object.entries(supports).filter(([, targets]) => targets.includes(id)).map(([from]) => from),
  };
}

describe('grading', () => {
  it('takes the best reliability of the evidence sources, F when there are none', () => {
    expect(bestReliability(['C', 'B', 'E'])).toBe('B');
    expect(bestReliability(['F', 'D'])).toBe('D');
    expect(bestReliability([])).toBe('F');
    expect(gradeCode('B', 2)).toBe('B2');
  });

  it('matches grade filters by full code, letter or digit', () => {
    expect(gradeMatches('B2', 'B2')).toBe(true);
    expect(gradeMatches('B2', 'b')).toBe(true);
    expect(gradeMatches('B2', '2')).toBe(true);
    expect(gradeMatches('B2', 'B3')).toBe(false);
    expect(gradeMatches('B2', 'C')).toBe(false);
    expect(gradeMatches('B2', '3')).toBe(false);
    expect(['C1', 'A6', 'B2', 'A2'].sort(compareGrades)).toEqual(['A2', 'A6', 'B2', 'C1']);
  });

  it('counts sources as independent only when text and publisher both differ (unknown publisher counts as different)', () => {
    expect(areIndependent(src('a', 'h1', 'Reuters'), src('b', 'h2', 'AP'))).toBe(true);
    expect(areIndependent(src('a', 'h1', 'Reuters'), src('b', 'h2', 'reuters '))).toBe(false);
    expect(areIndependent(src('a', 'h1', 'Reuters'), src('b', 'h1', 'AP'))).toBe(false);
    expect(areIndependent(src('a', 'h1', ''), src('b', 'h2', 'Reuters'))).toBe(true);
  });

  it('corroborates with two independent sources, directly or through supporting claims (cycles are harmless)', () => {
    const a = src('a', 'h1', 'Anadolu');
    const b = src('b', 'h2', 'Reuters');
    const a2 = src('a2', 'h3', 'Anadolu');
    expect(isCorroborated('c', graph({ c: [a, a] }))).toBe(false);
    expect(isCorroborated('c', graph({ c: [a, a2] }))).toBe(false);
    expect(isCorroborated('c', graph({ c: [a, b] }))).toBe(true);
    const viaSupport = graph({ c: [a], d: [b] }, { d: ['c'], c: ['d'] });
    expect(isCorroborated('c', viaSupport)).toBe(true);
    expect(backingSources('c', viaSupport).map((s) => s.id).sort()).toEqual(['a', 'b']);
    // Contradicting or supported-by-this claims do not lend their sources.
    expect(isCorroborated('c', graph({ c: [a], d: [b] }, { c: ['d'] }))).toBe(false);
  });
});
