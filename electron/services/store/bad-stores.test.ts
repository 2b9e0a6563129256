/** Damaged workspace files: each opens to a clear StoreError, the file is moved aside intact, and the newest good backup restores exactly. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { StoreError } from './errors';
import { enterRecovery } from './recovery';
import { restoreBackup } from './restore';
import { listBackups } from './backups';
import { RECOVERY_FILE } from './quarantine';
import { createTag } from '../workbench/tags';
import { Workbench } from '../workbench/workbench';
import { buildRichWorkspace } from '../../../tests/robustness/fixture';
import { tempDir } from '../../../tests/unit/helpers';

type FileName = 'snapshot.json' | 'workspace.json' | 'journal.log';
type Expect = 'damaged' | 'too_new' | 'opens';
interface Case { file: FileName; name: string; bytes: (orig: Buffer) => Buffer; expect: Expect }

let template: string;
let backupId: string;
let atBackup: string;
let full: string;

const stateOf = (s: WorkspaceStore): string => JSON.stringify([s.state.toJson(), s.state.history]);
const text = (s: string) => () => Buffer.from(s);
const crcLine = (json: string) => `${zlib.crc32(json).toString(16).padStart(8, '0')} ${json}\n`;

function jsonCases(file: 'snapshot.json' | 'workspace.json'): Case[] {
  const cases: Case[] = [
    { file, name: 'empty', bytes: text(''), expect: 'damaged' },
    { file, name: 'all NUL bytes', bytes: (o) => Buffer.alloc(o.length), expect: 'damaged' },
    { file, name: 'a BOM in front of valid JSON (tolerated)', bytes: (o) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), o]), expect: 'opens' },
    { file, name: 'null', bytes: text('null'), expect: 'damaged' },
    { file, name: '[]', bytes: text('[]'), expect: 'damaged' },
    { file, name: '{}', bytes: text('{}'), expect: 'damaged' },
    { file, name: 'a string', bytes: text('"workspace"'), expect: 'damaged' },
    { file, name: 'a number', bytes: text('42'), expect: 'damaged' },
    { file, name: 'schema version newer than the app', expect: 'too_new',
      bytes: (o) => Buffer.from(JSON.stringify({ ...JSON.parse(o.toString()), schemaVersion: 99 })) },
    { file, name: 'schemaVersion is a string', expect: 'damaged',
      bytes: (o) => Buffer.from(JSON.stringify({ ...JSON.parse(o.toString()), schemaVersion: '1' })) },
  ];
  for (const f of [1, 2, 10, 0.25, 0.33, 0.5, 0.66, 0.9, -2, -1]) {
    cases.push({ file, name: `truncated at ${f}`, expect: 'damaged',
      bytes: (o) => o.subarray(0, f >= 1 ? f : f < 0 ? o.length + f : Math.floor(o.length * f)) });
  }
  if (file === 'snapshot.json') {
    const edit = (f: (d: Record<string, any>) => void) => (o: Buffer) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const d = JSON.parse(o.toString());
      f(d);
      return Buffer.from(JSON.stringify(d));
    };
    cases.push(
      { file, name: 'collections is an array', bytes: edit((d) => { d.collections = []; }), expect: 'damaged' },
      { file, name: 'a highlight with a numeric start', expect: 'damaged',
        bytes: edit((d) => { const h = Object.values(d.collections.highlights)[0] as Record<string, any>; h.position.start = 'x'; }) }, // eslint-disable-line @typescript-eslint/no-explicit-any
      { file, name: 'a source with a bad content hash', expect: 'damaged',
        bytes: edit((d) => { (Object.values(d.collections.sources)[0] as { contentHash: string }).contentHash = '../../etc/passwd'; }) },
      { file, name: 'two records with one id', expect: 'damaged',
        bytes: edit((d) => { const [k, v] = Object.entries(d.collections.tags)[0]!; d.collections.tags[`${k}-copy`] = v; }) },
      { file, name: 'history.undo holds garbage', bytes: edit((d) => { d.history.undo = [{ label: 'x', ops: [{ t: 'put', c: 'tags', v: null }], inverse: [] }]; }), expect: 'damaged' },
      { file, name: 'seq is negative', bytes: edit((d) => { d.seq = -1; }), expect: 'damaged' },
    );
  }
  return cases;
}

function journalCases(): Case[] {
  const lines = (o: Buffer) => o.toString().split('\n').filter(Boolean);
  const cases: Case[] = [
    { file: 'journal.log', name: 'empty', bytes: text(''), expect: 'opens' },
    { file: 'journal.log', name: 'all NUL bytes', bytes: (o) => Buffer.alloc(o.length), expect: 'damaged' },
    { file: 'journal.log', name: 'NUL bytes after the last line', bytes: (o) => Buffer.concat([o, Buffer.alloc(512)]), expect: 'damaged' },
    { file: 'journal.log', name: 'a BOM in front (tolerated)', bytes: (o) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), o]), expect: 'opens' },
    { file: 'journal.log', name: 'null', bytes: text('null'), expect: 'damaged' },
    { file: 'journal.log', name: '[] line', bytes: text('[]\n'), expect: 'damaged' },
    { file: 'journal.log', name: 'a checksummed line of the wrong shape', expect: 'damaged',
      bytes: (o) => Buffer.concat([o, Buffer.from(crcLine(JSON.stringify({ seq: 10_000, at: 'x', change: { kind: 'tx', tx: { label: 1 } } })))]) },
    { file: 'journal.log', name: 'a flipped byte in a middle line', expect: 'damaged',
      bytes: (o) => { const b = Buffer.from(o); const at = o.indexOf('"label"', Math.floor(o.length / 3)); b[at + 2] = b[at + 2]! ^ 0x01; return b; } },
    { file: 'journal.log', name: 'a middle line removed (sequence gap)', expect: 'damaged',
      bytes: (o) => { const l = lines(o); l.splice(2, 1); return Buffer.from(`${l.join('\n')}\n`); } },
    { file: 'journal.log', name: 'the first line removed (does not continue the snapshot)', expect: 'damaged',
      bytes: (o) => Buffer.from(`${lines(o).slice(1).join('\n')}\n`) },
  ];
  // A cut anywhere is a torn tail (the one write never acknowledged): what precedes it opens.
  for (const f of [1, 5, 9, 0.1, 0.2, 0.3, 0.45, 0.5, 0.62, 0.75, 0.88, 0.97, -1]) {
    cases.push({ file: 'journal.log', name: `truncated at ${f}`, expect: 'opens',
      bytes: (o) => o.subarray(0, f >= 1 ? f : f < 0 ? o.length + f : Math.floor(o.length * f)) });
  }
  return cases;
}

beforeAll(async () => {
  template = tempDir('wb-bad-template-');
  await buildRichWorkspace(template);
  const s = await WorkspaceStore.open(template); // takes the daily backup
  atBackup = stateOf(s);
  await s.close();
  backupId = listBackups(template)[0]!.id;
  const wb = await Workbench.open(template);
  createTag(wb, { name: 'after the backup', parentId: null });
  full = JSON.stringify([wb.state.toJson(), wb.state.history]);
  await wb.close();
});

function copyOf(): string {
  const dir = tempDir('wb-bad-');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

/** The state a journal cut at `bytes` must open to: every complete line before the cut, nothing else. */
async function stateWithJournalCut(orig: Buffer, bytes: number): Promise<string> {
  const dir = copyOf();
  const boundary = orig.subarray(0, bytes).lastIndexOf(0x0a) + 1;
  fs.writeFileSync(path.join(dir, 'journal.log'), orig.subarray(0, boundary));
  const s = await WorkspaceStore.open(dir, { readOnly: true });
  const st = stateOf(s);
  await s.close();
  return st;
}

const cases = [...jsonCases('snapshot.json'), ...jsonCases('workspace.json'), ...journalCases()];

describe('damaged workspace files', () => {
  it.each(cases)('$file: $name → $expect', async (c) => {
    const dir = copyOf();
    const file = path.join(dir, c.file);
    const orig = fs.readFileSync(file);
    const bad = c.bytes(orig);
    fs.writeFileSync(file, bad);
    const opened = await WorkspaceStore.open(dir).then((s) => s, (e: unknown) => e);
    if (c.expect === 'opens') {
      expect(opened).toBeInstanceOf(WorkspaceStore);
      const s = opened as WorkspaceStore;
      const want = c.file === 'journal.log' && bad.length < orig.length && !c.name.startsWith('empty')
        ? await stateWithJournalCut(orig, bad.length)
        : c.name === 'empty' ? await stateWithJournalCut(orig, 0) : full;
      expect(stateOf(s)).toBe(want);
      await s.close();
      return;
    }
    expect(opened).toBeInstanceOf(StoreError);
    const err = opened as StoreError;
    expect(err.kind).toBe(c.expect);
    expect(err.message).toContain(c.expect === 'too_new' ? 'newer version' : c.file);
    expect(fs.readFileSync(file)).toEqual(bad); // a failed open changes nothing
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false);

    const rec = enterRecovery(dir, err);
    expect(rec.recommendedBackupId).toBe(c.expect === 'too_new' ? null : backupId);
    expect(rec.backups.map((b) => b.id)).toContain(backupId);
    if (c.expect === 'too_new') {
      expect(rec.quarantined).toEqual([]);
      expect(fs.readFileSync(file)).toEqual(bad);
      expect(fs.existsSync(path.join(dir, RECOVERY_FILE))).toBe(false);
      return;
    }
    // Moved aside, byte for byte; the workspace stays closed until a decision is made.
    expect(rec.quarantined).toHaveLength(1);
    expect(rec.quarantined[0]!.file).toBe(c.file);
    expect(rec.quarantined[0]!.movedTo).toMatch(new RegExp(`^quarantine/${c.file.replace('.', '\\.')}\\.\\d{4}-`));
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(path.join(dir, rec.quarantined[0]!.movedTo))).toEqual(bad);
    await expect(WorkspaceStore.open(dir)).rejects.toMatchObject({ kind: 'damaged' });

    const restored = restoreBackup(dir, rec.recommendedBackupId!);
    expect(restored.ok).toBe(true);
    const s = await WorkspaceStore.open(dir);
    expect(stateOf(s)).toBe(atBackup);
    await s.close();
    expect(fs.readFileSync(path.join(dir, rec.quarantined[0]!.movedTo))).toEqual(bad); // never deleted
  });

  it('reports how many damaged files were tried', () => {
    const by = (e: Expect) => cases.filter((c) => c.expect === e).length;
    console.log(`damaged stores: ${cases.length} files tried (${by('damaged')} quarantined + restored, ${by('too_new')} refused untouched, ${by('opens')} tolerated)`);
    expect(cases.length).toBeGreaterThan(50);
  });
});
