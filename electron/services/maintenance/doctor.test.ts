/** The integrity check finds every kind of damage; repair fixes records in one undoable transaction and moves files aside. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { deleteSource } from '../workbench/sources';
import { hashText } from '../store/texts';
import { runDoctor, REPAIR_LABEL } from './doctor';
import { buildRichWorkspace, putRecord } from '../../../tests/robustness/fixture';
import { tempDir } from '../../../tests/unit/helpers';
import type { DoctorReport } from '../../../shared/contract/views-maintenance';

const T = '2026-01-01T00:00:00.000Z';

function report(wb: Workbench, repair: boolean): DoctorReport {
  const r = runDoctor(wb, { repair });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Breaks a rich workspace in every way the doctor knows, through raw transactions (the services would refuse). */
async function brokenWorkspace() {
  const dir = tempDir();
  await buildRichWorkspace(dir);
  const wb = await Workbench.open(dir, { autoBackup: false });
  const backup = wb.store.backup('manual');
  const [hl] = wb.state.all('highlights');
  const [tag] = wb.state.all('tags');
  const [srcA, srcB] = wb.state.all('sources');
  putRecord(wb, 'claims', { ...wb.state.get('claims', 'claim-1')!, evidenceHighlightIds: [hl!.id, 'gone-highlight'], claimantId: 'gone-entity' });
  putRecord(wb, 'relationships', { ...wb.state.get('relationships', 'rel-1')!, id: 'rel-2', fromId: 'gone-entity' });
  putRecord(wb, 'highlights', { ...hl!, id: 'hl-orphaned', sourceId: 'gone-source' });
  putRecord(wb, 'highlights', { ...hl!, tagIds: [tag!.id, tag!.id, 'gone-tag'] });
  putRecord(wb, 'dossiers', { id: 'dos-2', title: 'Broken', subjectIds: ['gone-entity'], author: '', createdAt: T, updatedAt: T, sections: [
    { id: 's1', title: 'A', blocks: [
      { id: 'b1', kind: 'claim', text: '', refId: 'gone-claim' },
      { id: 'b1', kind: 'text', text: 'same id twice', refId: null },
      { id: 'b3', kind: 'graph', text: '', refId: 'gone-entity' },
      { id: 'b4', kind: 'relationship', text: '', refId: 'rel-2' },
    ] }] });
  putRecord(wb, 'tags', { id: 'cyc-a', name: 'cycle a', color: '#000000', parentId: 'cyc-b', createdAt: T });
  putRecord(wb, 'tags', { id: 'cyc-b', name: 'cycle b', color: '#000000', parentId: 'cyc-a', createdAt: T });
  putRecord(wb, 'tags', { id: 'lost-parent', name: 'lost', color: '#000000', parentId: 'gone-tag', createdAt: T });
  putRecord(wb, 'tags', { id: 'ent-org', name: 'shares an id with an entity', color: '#000000', parentId: null, createdAt: T });
  // Files: an orphan, a replaced (damaged) text, a missing one, a temp file.
  const texts = path.join(dir, 'texts');
  fs.writeFileSync(path.join(texts, `${hashText('nobody uses me')}.txt`), 'nobody uses me');
  const damaged = path.join(texts, `${srcA!.contentHash}.txt`);
  fs.writeFileSync(`${damaged}.new`, 'tampered');
  fs.renameSync(`${damaged}.new`, damaged); // a new file: the backup's hard link keeps the good copy
  fs.rmSync(path.join(texts, `${srcB!.contentHash}.txt`));
  fs.writeFileSync(path.join(dir, '.snapshot.json.123.456.0.tmp'), '{"half');
  return { dir, wb, backup, srcA: srcA!, srcB: srcB! };
}

describe('workspace doctor', () => {
  it('a healthy workspace has no problems, and a deleted source’s text (undo can bring it back) is no orphan', async () => {
    const dir = tempDir();
    await buildRichWorkspace(dir);
    const wb = await Workbench.open(dir);
    expect(report(wb, false).problems).toEqual([]);
    expect(deleteSource(wb, wb.state.all('sources')[0]!.id).ok).toBe(true);
    expect(report(wb, false).problems).toEqual([]);
    await wb.close();
  });

  it('finds dangling references, duplicate ids, tag cycles and bad text files', async () => {
    const { wb } = await brokenWorkspace();
    const problems = report(wb, false).problems;
    const has = (kind: string, pred: (p: (typeof problems)[number]) => boolean) => expect(problems.some((p) => p.kind === kind && pred(p)), kind).toBe(true);
    has('dangling_reference', (p) => p.recordId === 'claim-1' && p.otherId === 'gone-highlight');
    has('dangling_reference', (p) => p.recordId === 'claim-1' && p.field === 'claimantId');
    has('dangling_reference', (p) => p.recordId === 'rel-2' && p.field === 'fromId');
    has('dangling_reference', (p) => p.recordId === 'hl-orphaned' && p.field === 'sourceId');
    has('dangling_reference', (p) => p.otherId === 'gone-tag' && p.collection === 'highlights');
    has('dangling_reference', (p) => p.recordId === 'dos-2' && p.otherId === 'gone-claim');
    has('dangling_reference', (p) => p.recordId === 'dos-2' && p.otherId === 'rel-2'); // its relationship is being removed
    has('dangling_reference', (p) => p.recordId === 'lost-parent');
    has('duplicate_id', (p) => p.collection === 'highlights' && p.field === 'tagIds');
    has('duplicate_id', (p) => p.recordId === 'dos-2' && p.otherId === 'b1');
    has('duplicate_id', (p) => p.recordId === 'ent-org' && !p.repairable);
    has('tag_cycle', (p) => p.recordId === 'cyc-a');
    has('orphan_text', () => true);
    has('text_damaged', () => true);
    has('text_missing', () => true);
    has('temp_file', (p) => p.file === '.snapshot.json.123.456.0.tmp');
    console.log(`doctor: ${problems.length} problems found in the broken fixture`);
    await wb.close();
  });

  it('repairs records in ONE undoable transaction, moves files to quarantine and restores texts from backups', async () => {
    const { dir, wb, srcA, srcB } = await brokenWorkspace();
    const undoDepth = wb.state.history.undo.length;
    const r = report(wb, true);
    expect(r.repaired).not.toBeNull();
    expect(r.repaired!.historyLabel).toMatch(new RegExp(`^${REPAIR_LABEL}`));
    expect(r.repaired!.unrepaired).toBe(1); // the id shared by a tag and an entity: harmless, left alone
    expect(wb.state.history.undo.length).toBe(Math.min(undoDepth + 1, 100));
    expect(wb.state.history.undo.at(-1)!.label).toBe(r.repaired!.historyLabel);
    const after = report(wb, false).problems;
    expect(after.map((p) => p.kind)).toEqual(['duplicate_id']);
    // Record fixes.
    expect(wb.state.get('claims', 'claim-1')!.evidenceHighlightIds).not.toContain('gone-highlight');
    expect(wb.state.get('claims', 'claim-1')!.claimantId).toBeNull();
    expect(wb.state.get('relationships', 'rel-2')).toBeUndefined();
    expect(wb.state.get('highlights', 'hl-orphaned')).toBeUndefined();
    const blocks = wb.state.get('dossiers', 'dos-2')!.sections[0]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'graph']);
    expect(new Set(blocks.map((b) => b.id)).size).toBe(2);
    expect(blocks[1]!.refId).toBeNull();
    expect(wb.state.get('tags', 'cyc-a')!.parentId === null || wb.state.get('tags', 'cyc-b')!.parentId === null).toBe(true);
    // File fixes: texts back from the backup, the orphan and temp file in quarantine (not deleted).
    expect(wb.store.texts.get(srcA.contentHash)).not.toBeNull();
    expect(wb.store.texts.get(srcB.contentHash)).not.toBeNull();
    const quarantined = fs.readdirSync(path.join(dir, 'quarantine'), { recursive: true }).map(String);
    expect(quarantined.some((f) => f.startsWith(`texts${path.sep}${hashText('nobody uses me')}.txt.`))).toBe(true);
    expect(quarantined.some((f) => f.startsWith(`texts${path.sep}${srcA.contentHash}.txt.`))).toBe(true);
    expect(quarantined.some((f) => f.startsWith('.snapshot.json.123.456.0.tmp.'))).toBe(true);
    // Undo takes the whole record repair back at once.
    expect(wb.step('undo').ok).toBe(true);
    expect(wb.state.get('relationships', 'rel-2')).toBeDefined();
    expect(wb.state.get('claims', 'claim-1')!.evidenceHighlightIds).toContain('gone-highlight');
    await wb.close();
  });
});
