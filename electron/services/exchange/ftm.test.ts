/** FollowTheMoney export of a workspace built through the services, validated by the FtM model's YAML schemas. */
import { afterEach, describe, expect, it } from 'vitest';
import { buildExchangeWorkspace, type ExchangeWorkspace } from '../../../tests/support/exchange-fixture';
import { ftmErrors } from '../../../tests/unit/exchange/ftmSchema';
import { ftmLinkFor } from '../../../shared/exchange/ftm-links';
import type { FtmEntity } from '../../../shared/exchange/ftm';
import { exchangeInputOf } from './input';
import { exportFtm } from './ftm';
import { EXCHANGE_EXPORTERS } from './index';
import type { Workbench } from '../workbench/workbench';

const AT = '2024-03-01T12:00:00.000Z';
const open: Workbench[] = [];
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close();
});

async function exported(): Promise<{ ws: ExchangeWorkspace; entities: FtmEntity[]; text: string }> {
  const ws = await buildExchangeWorkspace();
  open.push(ws.wb);
  const file = await exportFtm(exchangeInputOf(ws.wb, AT));
  expect(file).toMatchObject({ fileName: 'workspace.ftm.jsonl', mimeType: 'application/x-ndjson' });
  const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');
  return { ws, entities: text.trim().split('\n').map((l) => JSON.parse(l) as FtmEntity), text };
}
const named = (es: FtmEntity[], name: string) => es.find((e) => e.properties['name']?.[0] === name);

describe('FollowTheMoney export', () => {
  it('writes JSON lines whose every entity is valid by the FtM schema YAML (schemas, properties, required, references)', async () => {
    const { entities } = await exported();
    expect(ftmErrors(entities)).toEqual([]);
    const schemas = new Set(entities.map((e) => e.schema));
    for (const s of ['Person', 'Organization', 'Address', 'Event', 'Document', 'Mention', 'Documentation', 'Note',
      'Membership', 'Employment', 'Directorship', 'Associate', 'UnknownLink']) expect(schemas).toContain(s);
  });

  it('maps entity types and puts countries as ISO codes on places and on what is located in them', async () => {
    const { ws, entities } = await exported();
    expect(named(entities, 'Recep Tayyip Erdoğan')).toMatchObject({ schema: 'Person', properties: { alias: ['Erdoğan'], description: ['President of Türkiye.'] } });
    expect(named(entities, 'Turkish Ministry of Foreign Affairs')?.schema).toBe('Organization');
    const kz = named(entities, 'Kazakhstan')!;
    expect(kz).toMatchObject({ schema: 'Address', properties: { full: ['Kazakhstan'], country: ['kz'] } });
    expect(named(entities, 'Türkiye')!.properties['country']).toEqual(['tr']);
    // Astana is "located in" Kazakhstan: it takes the country and points at its address, with no interval for it.
    expect(named(entities, 'Astana')!.properties).toMatchObject({ country: ['kz'], addressEntity: [kz.id] });
    expect(entities.filter((e) => e.schema === 'UnknownLink' && e.properties['role']?.[0] === 'located in')).toEqual([]);
    expect(named(entities, 'CICA summit')).toMatchObject({ schema: 'Event', properties: { involved: [named(entities, 'Recep Tayyip Erdoğan')!.id] } });
    expect(named(entities, 'Order of Friendship')).toBeUndefined(); // "other" has no FtM schema
    const doc = entities.find((e) => e.schema === 'Document' && e.properties['publisher']?.[0] === 'Anadolu Agency')!;
    expect(doc.properties).toMatchObject({ sourceUrl: ['https://www.aa.com.tr/en/politics/turkiye-kazakhstan/2708101'], publishedAt: ['2022-10-12'],
      mimeType: ['text/plain'], notes: [expect.stringContaining('reliability B')] });
    expect(doc.properties['bodyText']![0]).toBe(ws.text);
  });

  it('writes relationships as the matching interval schemas, with their dates, labels and evidence', async () => {
    const { entities } = await exported();
    const id = (name: string) => named(entities, name)!.id;
    const link = (schema: string, a: string, b: string, pa: string, pb: string) =>
      entities.find((e) => e.schema === schema && e.properties[pa]?.[0] === id(a) && e.properties[pb]?.[0] === id(b));
    expect(link('Membership', 'Kazakhstan', 'Conference on Interaction and Confidence Building Measures in Asia', 'member', 'organization')).toBeUndefined();
    expect(link('UnknownLink', 'Kazakhstan', 'Conference on Interaction and Confidence Building Measures in Asia', 'subject', 'object'))
      .toMatchObject({ properties: { role: ['member of'] } }); // an Address cannot be a member: no Membership
    expect(link('Employment', 'Mevlüt Çavuşoğlu', 'Turkish Ministry of Foreign Affairs', 'employee', 'employer'))
      .toMatchObject({ properties: { role: ['works for'], startDate: ['2015-11'], description: ['Minister since November 2015.'] } });
    expect(link('Membership', 'Recep Tayyip Erdoğan', 'Justice and Development Party', 'member', 'organization')).toBeDefined();
    expect(link('Directorship', 'Kassym-Jomart Tokayev', 'Conference on Interaction and Confidence Building Measures in Asia', 'director', 'organization'))
      .toMatchObject({ properties: { role: ['chairman of'], startDate: ['2022'] } });
    expect(link('Associate', 'Recep Tayyip Erdoğan', 'Kassym-Jomart Tokayev', 'person', 'associate'))
      .toMatchObject({ properties: { relationship: ['meets with'], startDate: ['2022-10-12'], endDate: ['2022-10-13'] } });
    expect(link('UnknownLink', 'Türkiye', 'Kazakhstan', 'subject', 'object')).toMatchObject({ properties: {
      role: ['supports'], sourceUrl: ['https://www.aa.com.tr/en/politics/turkiye-kazakhstan/2708101'], publisher: ['Anadolu Agency'],
      description: [expect.stringContaining('We will continue to support')] } });
  });

  it('links documents to what their passages mention (Mention, Documentation, proof) and writes passages and graded claims as Notes', async () => {
    const { ws, entities } = await exported();
    const doc = entities.find((e) => e.schema === 'Document' && e.properties['publisher']?.[0] === 'Anadolu Agency')!;
    const erdogan = named(entities, 'Recep Tayyip Erdoğan')!;
    expect(entities.find((e) => e.schema === 'Mention' && e.properties['resolved']?.[0] === erdogan.id))
      .toMatchObject({ properties: { document: [doc.id], name: ['Recep Tayyip Erdoğan'], detectedSchema: ['Person'] } });
    expect(entities.find((e) => e.schema === 'Documentation' && e.properties['entity']?.[0] === named(entities, 'Kazakhstan')!.id))
      .toMatchObject({ properties: { document: [doc.id] } });
    expect(erdogan.properties['proof']).toEqual([doc.id]);
    const claim = entities.find((e) => e.schema === 'Note' && e.properties['description']?.[0]?.startsWith(ws.c.support.statement))!;
    expect(claim.properties).toMatchObject({ summary: ['Admiralty grade B2'], keywords: ['claim', 'intention'], proof: [doc.id] });
    expect(claim.properties['entity']).toEqual(expect.arrayContaining([erdogan.id, named(entities, 'Kazakhstan')!.id]));
    const passage = entities.find((e) => e.schema === 'Note' && e.properties['description']?.[0]?.includes('Çavuşoğlu on the war in Ukraine'));
    expect(passage?.properties['entity']).toEqual([named(entities, 'Mevlüt Çavuşoğlu')!.id]);
  });

  it('is deterministic, and is the exporter the exchange table calls for ftm', async () => {
    const { ws, text } = await exported();
    const again = await EXCHANGE_EXPORTERS.ftm(exchangeInputOf(ws.wb, AT));
    expect(Buffer.from(again.dataBase64, 'base64').toString('utf8')).toBe(text);
  });
});

describe('relationship type → FtM schema table', () => {
  it('picks the schema by type and both ends, swaps ends where the schema reads the other way, else UnknownLink', () => {
    expect(ftmLinkFor('member_of', 'Person', 'Organization').choice.schema).toBe('Membership');
    expect(ftmLinkFor('leads', 'Person', 'Company').choice.schema).toBe('Directorship');
    expect(ftmLinkFor('leads', 'Person', 'Address').choice.schema).toBe('UnknownLink');
    expect(ftmLinkFor('Owns', 'Person', 'Company').choice.schema).toBe('Ownership');
    expect(ftmLinkFor('owns', 'Person', 'Organization').choice.schema).toBe('UnknownLink'); // only a Company is an Asset
    expect(ftmLinkFor('spokesperson_for', 'Person', 'Organization').choice.schema).toBe('Representation');
    expect(ftmLinkFor('married to', 'Person', 'Person').choice).toMatchObject({ schema: 'Family', label: 'relationship' });
    expect(ftmLinkFor('employs', 'Company', 'Person')).toMatchObject({ choice: { schema: 'Employment' }, reversed: true });
    expect(ftmLinkFor('opposes', 'Person', 'Person').choice.schema).toBe('UnknownLink');
  });
});

describe('the FtM schema harness', () => {
  const person = { id: 'p', schema: 'Person', properties: { name: ['A. Person'] } };
  const org = { id: 'o', schema: 'Organization', properties: { name: ['An Org'] } };
  it('accepts a small valid set and rejects each kind of broken entity, so a passing export means something', () => {
    const membership = { id: 'm', schema: 'Membership', properties: { member: ['p'], organization: ['o'] } };
    expect(ftmErrors([person, org, membership])).toEqual([]);
    expect(ftmErrors([{ ...person, schema: 'Human' }]).join()).toMatch(/no schema "Human"/);
    expect(ftmErrors([{ ...person, schema: 'Thing' }]).join()).toMatch(/abstract/);
    expect(ftmErrors([{ ...person, properties: { name: ['x'], shoeSize: ['44'] } }]).join()).toMatch(/shoeSize is not defined/);
    expect(ftmErrors([{ ...person, properties: { alias: ['x'] } }]).join()).toMatch(/required property name missing/);
    expect(ftmErrors([person, { ...membership, properties: { member: ['p'], organization: ['nowhere'] } }]).join()).toMatch(/not in the export/);
    expect(ftmErrors([person, org, { ...membership, properties: { member: ['o'], organization: ['p'] } }]).join()).toMatch(/wants a Organization, got a Person/);
    expect(ftmErrors([{ ...person, properties: { name: ['x'], country: ['Kazakhstan'] } }]).join()).toMatch(/not a country code/);
    expect(ftmErrors([{ ...person, properties: { name: 'x' } }]).join()).toMatch(/not a list of strings/);
    expect(ftmErrors([person, person]).join()).toMatch(/duplicate id/);
  });
});
