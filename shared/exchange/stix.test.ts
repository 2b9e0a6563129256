/** The pure STIX mapping on hand-built snapshots: edge cases the workspace fixture does not reach. */
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type Claim } from '../domain/types';
import { stixErrors } from '../../tests/unit/exchange/stixSchemas';
import { buildStixBundle } from './stix';
import { stixPeriodTime, stixRelationshipType } from './stix-vocab';
import type { ExchangeSnapshot } from './snapshot';

const AT = '2024-03-01T12:00:00.000Z';
const empty = (): ExchangeSnapshot => ({
  workspaceId: 'ws-1', generatedAt: AT, textOf: () => null,
  records: Object.fromEntries(COLLECTION_NAMES.map((n) => [n, []])) as unknown as ExchangeSnapshot['records'],
});
const claim = (id: string, credibility: Claim['credibility']): Claim => ({
  id, claimantId: null, statement: `statement ${id}`, type: 'fact', claimedAt: '', credibility, evidenceHighlightIds: [], aboutEntityIds: [],
  supports: [], contradicts: [], tagIds: [], createdAt: '2024-01-01T00:00:00Z', updatedAt: 'not a date',
});

describe('buildStixBundle on snapshots', () => {
  it('writes a valid report even for an empty workspace (object_refs may not be empty)', () => {
    const b = buildStixBundle(empty());
    expect(b.objects.map((o) => o.type)).toEqual(['identity', 'report']);
    for (const o of b.objects) expect(stixErrors(o)).toEqual([]);
  });

  it('leaves confidence and the opinion out for credibility 6, maps 1 to 90 / strongly-agree, and repairs timestamps', () => {
    const s = empty();
    s.records = { ...s.records, claims: [claim('c1', 1), claim('c6', 6)] };
    const b = buildStixBundle(s);
    for (const o of b.objects) expect(stixErrors(o)).toEqual([]);
    const note = (id: string) => b.objects.find((o) => o.type === 'note' && o.content === `statement ${id}`)!;
    expect(note('c1')).toMatchObject({ confidence: 90, created: '2024-01-01T00:00:00.000Z', modified: AT });
    expect(note('c6')).not.toHaveProperty('confidence');
    const opinions = b.objects.filter((o) => o.type === 'opinion');
    expect(opinions).toHaveLength(1);
    expect(opinions[0]).toMatchObject({ opinion: 'strongly-agree', object_refs: [note('c1').id] });
  });
});

describe('STIX vocabulary helpers', () => {
  it('turns our relationship types into schema-valid STIX relationship types', () => {
    expect(stixRelationshipType('located_in')).toBe('located-at');
    expect(stixRelationshipType('Foreign Minister of')).toBe('foreign-minister-of');
    expect(stixRelationshipType('  Ödeme yapar  ')).toBe('odeme-yapar');
    expect(stixRelationshipType('—')).toBe('related-to');
  });
  it('turns partial dates into period starts and exclusive ends, and rejects what is not a date', () => {
    expect(stixPeriodTime('2022')).toBe('2022-01-01T00:00:00.000Z');
    expect(stixPeriodTime('2022', true)).toBe('2023-01-01T00:00:00.000Z');
    expect(stixPeriodTime('2022-12', true)).toBe('2023-01-01T00:00:00.000Z');
    expect(stixPeriodTime('2022-10-31', true)).toBe('2022-11-01T00:00:00.000Z');
    expect(stixPeriodTime('2022-13')).toBeNull();
    expect(stixPeriodTime('March 2024')).toBeNull();
  });
});
