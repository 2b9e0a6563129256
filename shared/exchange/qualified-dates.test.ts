/** Qualified claim and relationship dates ("<2019", ">2024-03", "~2015") in the STIX and FtM exports: mapped to bounds, kept as stored, still valid. */
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type Claim, type Entity, type Relationship } from '../domain/types';
import { stixErrors } from '../../tests/unit/exchange/stixSchemas';
import { ftmErrors } from '../../tests/unit/exchange/ftmSchema';
import { buildStixBundle } from './stix';
import { buildFtmEntities, type FtmEntity } from './ftm';
import type { ExchangeSnapshot } from './snapshot';

const T = '2024-01-01T00:00:00.000Z';
const person = (id: string, name: string): Entity => ({ id, type: 'person', name, aliases: [], description: '', createdAt: T, updatedAt: T });
const rel = (id: string, startDate: string, endDate: string): Relationship => ({
  id, fromId: 'p1', toId: 'p2', type: 'meets_with', startDate, endDate, confidence: 0.5, note: '', evidenceHighlightIds: [], evidenceClaimIds: [], createdAt: T, updatedAt: T,
});
const claim = (id: string, claimedAt: string): Claim => ({
  id, claimantId: 'p1', statement: `statement ${id}`, type: 'fact', claimedAt, credibility: 2, evidenceHighlightIds: [], aboutEntityIds: ['p2'],
  supports: [], contradicts: [], tagIds: [], createdAt: T, updatedAt: T,
});

function snapshot(): ExchangeSnapshot {
  const records = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, []])) as unknown as ExchangeSnapshot['records'];
  return {
    workspaceId: 'ws-q', generatedAt: '2024-06-01T00:00:00.000Z', textOf: () => null,
    records: {
      ...records,
      entities: [person('p1', 'Ann'), person('p2', 'Bob')],
      relationships: [
        rel('about-before', '~2015', '<2019'), // began about 2015 (earliest 2014), ended before 2019
        rel('after-open', '>2024-03', ''), // began after March 2024
        rel('before-after', '<2019', '>2020-06-15'), // both ends open: no bound at all
        rel('plain', '2022-10-12', '2022-10-13'),
      ],
      claims: [claim('c-before', '<2019'), claim('c-about', '~2015-06')],
    },
  };
}

describe('STIX with qualified dates', () => {
  const bundle = buildStixBundle(snapshot());
  const relOf = (stored: string) => bundle.objects.find((o) => o.type === 'relationship' && o['x_workbench_dates'] === stored)!;

  it('stays valid against the OASIS schemas', () => {
    for (const o of bundle.objects) expect(stixErrors(o)).toEqual([]);
  });

  it('sets start_time from the earliest and stop_time from the latest moment a qualified date allows, keeping the stored form', () => {
    expect(relOf('~2015/<2019')).toMatchObject({ start_time: '2014-01-01T00:00:00.000Z', stop_time: '2019-01-01T00:00:00.000Z' });
    expect(relOf('>2024-03/')).toMatchObject({ start_time: '2024-04-01T00:00:00.000Z' });
    expect(relOf('>2024-03/')).not.toHaveProperty('stop_time');
    const open = relOf('<2019/>2020-06-15');
    expect(open).not.toHaveProperty('start_time');
    expect(open).not.toHaveProperty('stop_time');
    expect(relOf('2022-10-12/2022-10-13')).toMatchObject({ start_time: '2022-10-12T00:00:00.000Z', stop_time: '2022-10-14T00:00:00.000Z' });
  });

  it('says a claim’s qualified date in words and keeps the stored form on the note', () => {
    const note = bundle.objects.find((o) => o.type === 'note' && o['content'] === 'statement c-before')!;
    expect(note['abstract']).toBe('fact by Ann before 2019');
    expect(note['x_workbench_claimed_at']).toBe('<2019');
  });
});

describe('FollowTheMoney with qualified dates', () => {
  const entities = buildFtmEntities(snapshot());
  const links = entities.filter((e) => e.schema === 'Associate');
  const linkWith = (text: string): FtmEntity => links.find((l) => l.properties['description']?.some((d) => d.includes(text)))!;

  it('stays valid against the FtM schema YAML', () => {
    expect(ftmErrors(entities)).toEqual([]);
  });

  it('writes startDate/endDate as the bounds at the precision the date was given, and the stored form in words in the description', () => {
    expect(linkWith('about 2015 – before 2019').properties).toMatchObject({ startDate: ['2014'], endDate: ['2018'] });
    const after = linkWith('after 2024-03').properties;
    expect(after['startDate']).toEqual(['2024-04']);
    expect(after).not.toHaveProperty('endDate');
    const open = linkWith('before 2019 – after 2020-06-15').properties;
    expect(open).not.toHaveProperty('startDate');
    expect(open).not.toHaveProperty('endDate');
    const plain = links.find((l) => l.properties['startDate']?.[0] === '2022-10-12')!;
    expect(plain.properties['endDate']).toEqual(['2022-10-13']);
    expect(plain.properties['description'] ?? []).toEqual([]); // exact dates need no words
  });

  it('says a claim’s qualified date in words in its note', () => {
    const note = entities.find((e) => e.schema === 'Note' && e.properties['name']?.[0] === 'statement c-about')!;
    expect(note.properties['description']![0]).toContain('fact, claimed by Ann about 2015-06.');
  });
});
