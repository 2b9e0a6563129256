/** REFI-QDA export validated by the REFI-QDA XSD (xmllint), its round trip, and the import of a file a QDA tool wrote. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { buildSampleWorkspace } from '../../../tests/support/dossier-fixture';
import { Workbench } from '../workbench/workbench';
import { importText } from '../workbench/sources';
import { createHighlight, updateHighlight } from '../workbench/highlights';
import { createTag, tagPath } from '../workbench/tags';
import { exchangeInputOf } from './input';
import { exportQdpx } from './qdpx';
import { importQdpx } from './qdpx-import';

const XSD = path.resolve(repoRoot, '../shared/exchange/refi-qda/Project-mrt2019.xsd');
const FIXTURE = path.join(repoRoot, 'tests/fixtures/qdpx/qda-tool');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const open: Workbench[] = [];
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close();
});
async function fresh(): Promise<Workbench> {
  const wb = await Workbench.open(tempDir());
  open.push(wb);
  return wb;
}

/** xmllint's verdict on a project.qde: '' when valid, else its complaint. */
function xsdErrors(qde: string): string {
  const file = path.join(tempDir('wb-qde-'), 'project.qde');
  fs.writeFileSync(file, qde);
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr: Buffer }).stderr);
  }
}

/** The sample workspace plus nested tags, notes and a source where code points and UTF-16 units differ (emoji). */
async function richWorkspace() {
  const a = await buildSampleWorkspace(tempDir(), sampleArticle());
  open.push(a.wb);
  const wb = a.wb;
  const parent = must(createTag(wb, { name: 'Diplomacy', color: '#1c7ed6', parentId: null }));
  const child = must(createTag(wb, { name: 'Security & "sovereignty"', color: '#e8590c', parentId: parent.id }));
  must(updateHighlight(wb, { id: a.h.support, tagIds: [child.id], note: 'Repeats the 2022 line <verbatim> & more.' }));
  must(updateHighlight(wb, { id: a.h.partner, tagIds: [parent.id, child.id] }));
  const emoji = must(await importText(wb, '🌍 Erdoğan met Қасым-Жомарт Тоқаев in Astana.\n\nThe 😀 talks went well.', 'Emoji note')).source;
  const text = wb.store.texts.get(emoji.contentHash)!;
  const at = text.indexOf('Қасым-Жомарт Тоқаев');
  const hl = must(createHighlight(wb, { sourceId: emoji.id, start: at, end: at + 'Қасым-Жомарт Тоқаев'.length, color: 'green', tagIds: [parent.id], note: 'Name in Kazakh.' }));
  return { ...a, parent, child, emoji, emojiText: text, emojiHighlight: hl };
}

const unpack = (b64: string) => unzipSync(Buffer.from(b64, 'base64'));
const qdeOf = (b64: string) => Buffer.from(unpack(b64)['project.qde']!).toString('utf8');

function facts(wb: Workbench) {
  return wb.state.all('highlights').map((h) => ({
    exact: h.quote.exact, start: h.position.start, end: h.position.end, note: h.note,
    tags: h.tagIds.map((t) => tagPath(wb.state, wb.state.get('tags', t)!)).sort(),
  })).sort((x, y) => x.exact.localeCompare(y.exact));
}

describe('REFI-QDA export', () => {
  it('writes a project.qde the REFI-QDA XSD accepts, with nested codes, codings, memos and the texts under sources/', async () => {
    const { wb } = await richWorkspace();
    const file = exportQdpx(exchangeInputOf(wb, '2024-05-01T12:00:00.000Z'));
    const qde = qdeOf(file.dataBase64);
    expect(xsdErrors(qde)).toBe('');
    expect(qde).toMatch(/<Code guid="[^"]+" name="Diplomacy" isCodable="true" color="#1c7ed6">\n\s+<Code guid="[^"]+" name="Security &amp; &quot;sovereignty&quot;"/);
    expect(qde).toContain('<PlainTextContent>Repeats the 2022 line &lt;verbatim&gt; &amp; more.</PlainTextContent>');
    const files = unpack(file.dataBase64);
    const texts = Object.keys(files).filter((n) => n.startsWith('sources/'));
    expect(texts).toHaveLength(2);
    for (const name of texts) expect(qde).toContain(`plainTextPath="internal://${name.slice('sources/'.length)}"`);
    expect(file.fileName).toBe('workspace.qdpx');
  });

  it('counts positions in characters (code points), so a passage after an emoji starts where a QDA tool expects', async () => {
    const { wb, emojiText, emojiHighlight } = await richWorkspace();
    const qde = qdeOf(exportQdpx(exchangeInputOf(wb)).dataBase64);
    const name = 'Қасым-Жомарт Тоқаев';
    const sel = new RegExp(`name="${name}" startPosition="(\\d+)" endPosition="(\\d+)"`).exec(qde)!;
    const chars = [...emojiText];
    // UTF-16 puts the passage one unit later (the globe is two units); REFI-QDA counts it as one character.
    expect(emojiHighlight.position.start).toBe(emojiText.indexOf(name));
    expect(Number(sel[1])).toBe(emojiHighlight.position.start - 1);
    expect(chars.slice(Number(sel[1]), Number(sel[2])).join('')).toBe(name);
  });

  it('gives the same GUIDs and bytes on a second export of the same workspace, and different GUIDs in another workspace', async () => {
    const { wb } = await richWorkspace();
    const one = exportQdpx(exchangeInputOf(wb, '2024-05-01T12:00:00.000Z'));
    const two = exportQdpx(exchangeInputOf(wb, '2024-05-01T12:00:00.000Z'));
    expect(two.dataBase64).toBe(one.dataBase64);
    const other = await buildSampleWorkspace(tempDir(), sampleArticle());
    open.push(other.wb);
    const guids = (b64: string) => new Set(qdeOf(b64).match(/guid="([^"]+)"/g));
    const shared = [...guids(one.dataBase64)].filter((g) => guids(exportQdpx(exchangeInputOf(other.wb)).dataBase64).has(g));
    expect(shared).toEqual([]);
  });
});

describe('REFI-QDA round trip and import', () => {
  it('imports its own export into a fresh workspace as the same tags, highlights and notes, in one undoable step', async () => {
    const { wb } = await richWorkspace();
    const file = exportQdpx(exchangeInputOf(wb));
    const target = await fresh();
    const report = must(importQdpx(target, 'workspace.qdpx', Buffer.from(file.dataBase64, 'base64')));
    expect(report).toMatchObject({ sourcesCreated: 2, highlightsCreated: 4, tagsCreated: 2, memosAttached: 2, duplicates: 0, skipped: [] });
    expect(facts(target)).toEqual(facts(wb));
    expect(target.state.all('tags').find((t) => t.name === 'Diplomacy')!.color).toBe('#1c7ed6');
    // Importing again adds nothing: same texts, same ranges.
    expect(must(importQdpx(target, 'workspace.qdpx', Buffer.from(file.dataBase64, 'base64')))).toMatchObject({ sourcesExisting: 2, highlightsCreated: 0, duplicates: 4 });
    must(target.step('undo')); // the second import changed nothing, so undo reverts the first one
    expect(target.state.count('sources') + target.state.count('highlights') + target.state.count('tags')).toBe(0);
  });

  it('imports a project written by a QDA tool: BOM and CRLF text, braced GUIDs, nested coloured codes, memos, a PDF skipped', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const rel of ['project.qde', ...fs.readdirSync(path.join(FIXTURE, 'sources')).map((f) => `sources/${f}`)]) {
      files[rel] = fs.readFileSync(path.join(FIXTURE, rel));
    }
    expect(xsdErrors(Buffer.from(files['project.qde']!).toString('utf8'))).toBe(''); // the fixture is a valid project
    const wb = await fresh();
    const report = must(importQdpx(wb, 'interviews.qdpx', zipSync(files)));
    expect(report).toMatchObject({ project: 'Middle Corridor interviews', sourcesCreated: 2, tagsCreated: 4, highlightsCreated: 5, memosAttached: 1 });
    expect(report.skipped).toEqual([
      { what: 'PDF source “Port statistics 2023”', reason: 'only text sources are imported' },
      { what: 'memo “Project memo”', reason: expect.stringContaining('not attached to a passage') },
    ]);
    const interview = wb.state.all('sources').find((s) => s.meta.title === 'Interview 3 – trade official')!;
    const text = wb.store.texts.get(interview.contentHash)!;
    expect(text.startsWith('Interview with')).toBe(true); // BOM gone
    expect(text).not.toContain('\r');
    const got = facts(wb);
    expect(got.map((f) => f.exact)).toEqual([
      'Aktau', 'mostly grain 🌾 and steel', "Orta Koridor'un önemi artıyor", 'The Middle Corridor cut transit times by half', "Tokayev'le görüşme",
    ]);
    expect(got[1]!.tags).toEqual(['Commodities', 'Trade routes']);
    expect(got[3]).toMatchObject({ tags: ['Trade routes / Middle Corridor'], note: 'Check against the 2023 ministry figures & the port data.' });
    expect(got[4]!.tags).toEqual([]);
    expect(wb.state.all('tags').find((t) => t.name === 'Middle Corridor')!.color).toBe('#ff8800');
    expect(wb.state.history.undo).toHaveLength(1);
  });
});

describe('REFI-QDA import refuses bad input with a specific reason and stores nothing', () => {
  const qde = (body: string, root = '<Project xmlns="urn:QDA-XML:project:1.0" name="p">') => `<?xml version="1.0"?>\n${root}${body}</Project>`;
  const source = (sel: string, text = 'Short text.') =>
    `<Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="s"><PlainTextContent>${text}</PlainTextContent>${sel}</TextSource></Sources>`;
  const zip = (q: string, more: Record<string, Uint8Array> = {}) => zipSync({ 'project.qde': strToU8(q), ...more });
  /** A zip whose one entry claims to inflate to `claimed` bytes (its headers edited, as a zip bomb's are). */
  function bomb(claimed: number): Uint8Array {
    const z = zipSync({ 'project.qde': new Uint8Array(4096).fill(32) }, { level: 9 });
    const dv = new DataView(z.buffer);
    for (let i = 0; i < z.length - 4; i++) {
      if (dv.getUint32(i, true) === 0x04034b50) dv.setUint32(i + 22, claimed, true);
      if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, claimed, true);
    }
    return z;
  }
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['not a zip', strToU8('<Project/>'), /not a zip archive/],
    ['a damaged zip', strToU8('PK\u0003\u0004 broken'), /zip archive is damaged/],
    ['no project.qde', zipSync({ 'notes.txt': strToU8('hi') }), /no project\.qde/],
    ['invalid XML', zip('<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources></Project>'), /not well-formed XML \(line 1/],
    ['a DTD', zip('<!DOCTYPE Project [<!ENTITY a "aaaa">]><Project xmlns="urn:QDA-XML:project:1.0" name="p"/>'), /declares a DTD/],
    ['another root', zip('<?xml version="1.0"?><Codebook xmlns="urn:QDA-XML:codebook:1.0"/>'), /<Codebook> as its root element/],
    ['another namespace', zip(qde('', '<Project xmlns="urn:example" name="p">')), /not in the REFI-QDA namespace/],
    ['a code without isCodable (XSD-invalid)', zip(qde('<CodeBook><Codes><Code guid="00000000-0000-4000-8000-0000000000c1" name="x"/></Codes></CodeBook>')), /Code “x” has no isCodable attribute/],
    ['a GUID that is not one', zip(qde(source('<PlainTextSelection guid="42" startPosition="0" endPosition="1"/>'))), /guid “42”, which is not a GUID/],
    ['a non-integer position', zip(qde(source('<PlainTextSelection guid="00000000-0000-4000-8000-0000000000a1" startPosition="zero" endPosition="1"/>'))), /startPosition “zero”, which is not an integer/],
    ['an element the schema does not allow', zip(qde('<Extras/>')), /<Extras> is not allowed inside <Project>/],
    ['a selection past the end', zip(qde(source('<PlainTextSelection guid="00000000-0000-4000-8000-0000000000a1" startPosition="3" endPosition="12"/>'))), /ends at character 12, past the end of the text \(11 characters\)/],
    ['a reversed selection', zip(qde(source('<PlainTextSelection guid="00000000-0000-4000-8000-0000000000a1" startPosition="5" endPosition="2"/>'))), /runs from 5 to 2, which is not a range/],
    ['a coding of an undefined code', zip(qde(source('<PlainTextSelection guid="00000000-0000-4000-8000-0000000000a1" startPosition="0" endPosition="5"><Coding guid="00000000-0000-4000-8000-0000000000b1"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000ff"/></Coding></PlainTextSelection>'))), /refers to code 00000000-0000-4000-8000-0000000000ff, which the project does not define/],
    ['a source file missing from the archive', zip(qde('<Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="s" plainTextPath="internal://gone.txt"/></Sources>')), /refers to internal:\/\/gone\.txt, which is not in the archive/],
    ['a source that is not UTF-8', zip(qde('<Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="s" plainTextPath="internal://s.txt"/></Sources>'), { 'sources/s.txt': new Uint8Array([0x41, 0xe9, 0x42]) }), /is not UTF-8 text/],
    ['a zip bomb (an entry claiming 300 MB)', bomb(300 * 1024 * 1024), /would inflate to 300\.0 MB; the limit is 50\.0 MB/],
    ['a zip bomb (a ratio no text has)', bomb(20 * 1024 * 1024), /more than any text compresses: the archive looks like a zip bomb/],
  ];
  it.each(cases)('%s', async (_name, bytes, reason) => {
    const wb = await fresh();
    const r = importQdpx(wb, 'bad.qdpx', bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import_rejected');
      expect(r.error.message).toMatch(reason);
    }
    expect(wb.state.count('sources') + wb.state.count('tags') + wb.state.count('highlights')).toBe(0);
    expect(wb.state.history.undo).toHaveLength(0);
  });
});
