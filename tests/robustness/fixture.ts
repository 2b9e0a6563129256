/** A workspace with every kind of record, journal and snapshot both non-empty, and undo/redo history: the robustness tests' subject. */
import { ok } from '../../shared/domain/result';
import type { CollectionName, WorkspaceCollections } from '../../shared/domain/types';
import { createPrng, randomInt, syntheticText } from '../support/synthetic-text';
import { Workbench } from '../../electron/services/workbench/workbench';
import { importText } from '../../electron/services/workbench/sources';
import { createHighlight } from '../../electron/services/workbench/highlights';
import { createTag } from '../../electron/services/workbench/tags';
import type { OpenOptions } from '../../electron/services/store/workspace-store';

const T = '2026-01-01T00:00:00.000Z';

function must<V>(r: { ok: true; value: V } | { ok: false; error: { message: string } }): V {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Puts a record through the one command path (one undoable transaction). */
export function putRecord<C extends CollectionName>(wb: Workbench, c: C, v: WorkspaceCollections[C]): void {
  must(wb.run(`put ${c}`, () => ok({ ops: [{ t: 'put', c, v } as never], value: null })));
}

/** Fills `dir` (new or empty) and closes it. Deterministic apart from record ids and time stamps. */
export async function buildRichWorkspace(dir: string, options: OpenOptions = {}): Promise<void> {
  const wb = await Workbench.open(dir, { autoBackup: false, ...options });
  const random = createPrng(99);
  const a = must(await importText(wb, syntheticText(3, 6000), 'Fixture source A')).source;
  const b = must(await importText(wb, syntheticText(4, 3000), 'Fixture source B')).source;
  const claimTag = must(createTag(wb, { name: 'claim', parentId: null }));
  const disputed = must(createTag(wb, { name: 'disputed', parentId: claimTag.id }));
  const actor = must(createTag(wb, { name: 'actor', parentId: null }));
  const hs: string[] = [];
  for (let i = 0; hs.length < 30 && i < 200; i++) {
    const src = i % 3 === 0 ? b : a;
    const start = randomInt(random, 0, src.textLength - 60);
    const r = createHighlight(wb, {
      sourceId: src.id, start, end: start + randomInt(random, 3, 50), color: 'yellow',
      tagIds: i % 2 ? [claimTag.id] : i % 5 ? [disputed.id, actor.id] : [], note: i % 4 ? '' : `note ${i}`,
    });
    if (r.ok) hs.push(r.value.id);
  }
  await wb.store.compact(); // what follows lives in the journal, what came before in the snapshot
  const person = { id: 'ent-person', type: 'person' as const, name: 'Ada Example', aliases: ['A. Example'], description: '', createdAt: T, updatedAt: T };
  const org = { id: 'ent-org', type: 'organisation' as const, name: 'Example Ministry', aliases: [], description: 'x', createdAt: T, updatedAt: T };
  putRecord(wb, 'entities', person);
  putRecord(wb, 'entities', org);
  const claim = (id: string, ev: string[], supports: string[] = []) => ({
    id, claimantId: person.id, statement: `Statement ${id}`, type: 'fact' as const, claimedAt: '2026-01-01', credibility: 2 as const,
    evidenceHighlightIds: ev, aboutEntityIds: [org.id], supports, contradicts: [], tagIds: [claimTag.id], createdAt: T, updatedAt: T,
  });
  putRecord(wb, 'claims', claim('claim-1', [hs[0]!, hs[1]!]));
  putRecord(wb, 'claims', claim('claim-2', [hs[2]!], ['claim-1']));
  putRecord(wb, 'relationships', {
    id: 'rel-1', fromId: person.id, toId: org.id, type: 'member_of', startDate: '2020', endDate: '', confidence: 0.8,
    note: '', evidenceHighlightIds: [hs[3]!], evidenceClaimIds: ['claim-1'], createdAt: T, updatedAt: T,
  });
  putRecord(wb, 'dossiers', {
    id: 'dos-1', title: 'Dossier', subjectIds: [person.id], author: 'me', createdAt: T, updatedAt: T,
    sections: [{ id: 'sec-1', title: 'One', blocks: [
      { id: 'blk-1', kind: 'text', text: '# Hello', refId: null },
      { id: 'blk-2', kind: 'claim', text: '', refId: 'claim-1' },
      { id: 'blk-3', kind: 'quote', text: '', refId: hs[4]! },
      { id: 'blk-4', kind: 'relationship', text: '', refId: 'rel-1' },
      { id: 'blk-5', kind: 'entity', text: '', refId: org.id },
      { id: 'blk-6', kind: 'graph', text: '', refId: person.id },
    ] }],
  });
  putRecord(wb, 'layouts', { id: 'graph', positions: { [person.id]: { x: 1, y: 2 }, [org.id]: { x: -3.5, y: 4 } }, updatedAt: T });
  must(wb.step('undo'));
  must(createTag(wb, { name: 'after undo', parentId: actor.id }));
  must(wb.step('undo')); // leaves one transaction on the redo stack
  await wb.close();
}
