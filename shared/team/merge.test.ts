import { describe, expect, it } from 'vitest';
import type { AchMatrix } from '../domain/types';
import { resolveCustom, resolveLocal, resolveRemote } from './conflict';
import { block, by, claim, deleted, dossier, highlight, T0 } from './fixtures';
import { mergeRecord } from './merge';

const who = { author: 'ana', at: '2026-01-02T00:00:00.000Z' };

describe('mergeRecord: scalar fields', () => {
  it('concurrent edits of the same field keep both values in a conflict; the merged record holds the remote value', () => {
    const base = claim();
    const { merged, conflicts } = mergeRecord('claims', base, [by('ana', 5, claim({ statement: 'Left on 4 May.' }))], [
      by('ben', 3, claim({ statement: 'Left on 2 May.' })),
    ]);
    expect(merged?.statement).toBe('Left on 2 May.');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      collection: 'claims',
      recordId: 'c1',
      path: ['statement'],
      kind: 'field',
      local: { value: 'Left on 4 May.', author: 'ana', at: '2026-01-01T00:05:00.000Z' },
      remote: { value: 'Left on 2 May.', author: 'ben', at: '2026-01-01T00:03:00.000Z' },
    });
  });

  it('resolving a field conflict: local puts the local value, remote changes nothing, custom puts the given value', () => {
    const { merged, conflicts } = mergeRecord('claims', claim(), [by('ana', 5, claim({ credibility: 2 }))], [by('ben', 3, claim({ credibility: 5 }))]);
    const cf = conflicts[0]!;
    const local = resolveLocal(cf, merged, who);
    expect(local.ops).toEqual([{ t: 'put', c: 'claims', v: { ...merged, credibility: 2, updatedAt: who.at } }]);
    expect(local.conflict.resolved).toEqual({ pick: 'local', by: 'ana', at: who.at });
    expect(resolveRemote(cf, merged, who).ops).toEqual([]);
    const custom = resolveCustom(cf, 4, merged, who);
    expect(custom.ops).toEqual([{ t: 'put', c: 'claims', v: { ...merged, credibility: 4, updatedAt: who.at } }]);
    expect(custom.conflict.resolved?.value).toBe(4);
    expect(() => resolveLocal(local.conflict, merged, who)).toThrow(/already resolved/);
    expect(() => resolveCustom(cf, undefined, merged, who)).toThrow(/not plain data/);
  });

  it('edits of different fields merge without a conflict', () => {
    const { merged, conflicts } = mergeRecord('claims', claim(), [by('ana', 5, claim({ statement: 'New', updatedAt: '2026-01-01T00:05:00.000Z' }))], [
      by('ben', 3, claim({ credibility: 1, updatedAt: '2026-01-01T00:03:00.000Z' })),
    ]);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual(claim({ statement: 'New', credibility: 1, updatedAt: '2026-01-01T00:05:00.000Z' }));
  });

  it('nested objects merge field by field (source meta), and the same nested field edited twice conflicts at its path', () => {
    const src = (meta: Partial<{ title: string; publisher: string }>) => ({
      id: 's1', kind: 'text' as const, fileName: '', contentHash: 'x', textLength: 3, reliability: 'C' as const,
      meta: { title: 'T', authors: [], publisher: 'P', publishedAt: '', url: '', language: 'en', ...meta },
      createdAt: T0, updatedAt: T0,
    });
    const ok = mergeRecord('sources', src({}), [by('ana', 1, src({ title: 'T2' }))], [by('ben', 2, src({ publisher: 'P2' }))]);
    expect(ok.conflicts).toEqual([]);
    expect(ok.merged?.meta).toMatchObject({ title: 'T2', publisher: 'P2' });
    const clash = mergeRecord('sources', src({}), [by('ana', 1, src({ title: 'A' }))], [by('ben', 2, src({ title: 'B' }))]);
    expect(clash.conflicts.map((c) => c.path)).toEqual([['meta', 'title']]);
  });

  it('a field the table does not know (a newer app version wrote it) is kept, not dropped', () => {
    const withExtra = { ...claim(), futureField: 'x' } as ReturnType<typeof claim>;
    const { merged } = mergeRecord('claims', withExtra, [by('ana', 1, { ...withExtra, statement: 'S' })], [by('ben', 2, { ...withExtra, credibility: 1 })]);
    expect((merged as unknown as { futureField: string }).futureField).toBe('x');
  });
});

describe('mergeRecord: set-like fields', () => {
  it('tags added on both sides end up as the union', () => {
    const { merged, conflicts } = mergeRecord('highlights', highlight({ tagIds: ['t1'] }), [by('ana', 1, highlight({ tagIds: ['t1', 'a'] }))], [
      by('ben', 2, highlight({ tagIds: ['t1', 'b'] })),
    ]);
    expect(conflicts).toEqual([]);
    expect(merged?.tagIds).toEqual(['t1', 'a', 'b']);
  });

  it('a tag removed on one side and kept on the other is removed', () => {
    const { merged } = mergeRecord('highlights', highlight({ tagIds: ['t1', 't2'] }), [by('ana', 1, highlight({ tagIds: ['t2'] }))], [
      by('ben', 2, highlight({ tagIds: ['t1', 't2', 't3'] })),
    ]);
    expect(merged?.tagIds).toEqual(['t2', 't3']);
  });

  it('a tag removed on one side and removed then re-added on the other is kept', () => {
    const base = highlight({ tagIds: ['t1', 't2'] });
    const { merged, conflicts } = mergeRecord('highlights', base, [by('ana', 1, highlight({ tagIds: ['t2'] }))], [
      by('ben', 2, highlight({ tagIds: ['t2'] })),
      by('ben', 3, highlight({ tagIds: ['t2', 't1'] })),
    ]);
    expect(conflicts).toEqual([]);
    expect(merged?.tagIds).toEqual(expect.arrayContaining(['t1', 't2']));
    expect(merged?.tagIds).toHaveLength(2);
    // The same final versions without the removal on the way: ben never re-added it, so ana's removal stands.
    const plain = mergeRecord('highlights', base, [by('ana', 1, highlight({ tagIds: ['t2'] }))], [by('ben', 3, highlight({ tagIds: ['t2', 't1'] }))]);
    expect(plain.merged?.tagIds).toEqual(['t2']);
  });

  it('claim evidence and entity aliases merge as sets too', () => {
    const { merged } = mergeRecord('claims', claim({ evidenceHighlightIds: ['h1'] }), [by('ana', 1, claim({ evidenceHighlightIds: ['h1', 'h2'] }))], [
      by('ben', 2, claim({ evidenceHighlightIds: [] })),
    ]);
    expect(merged?.evidenceHighlightIds).toEqual(['h2']);
  });
});

describe('mergeRecord: edit versus delete', () => {
  it('local edit vs remote delete: deleted, the edited record kept in an edit-delete conflict, and restoring brings it back', () => {
    const edited = claim({ statement: 'Edited' });
    const { merged, conflicts } = mergeRecord('claims', claim(), [by('ana', 5, edited)], [deleted('ben', 3)]);
    expect(merged).toBeUndefined();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'edit-delete', path: [], local: { value: edited, author: 'ana' }, remote: { absent: true, author: 'ben' } });
    const restored = resolveLocal(conflicts[0]!, undefined, who);
    expect(restored.ops).toEqual([{ t: 'put', c: 'claims', v: { ...edited, updatedAt: who.at } }]);
    expect(resolveRemote(conflicts[0]!, undefined, who).ops).toEqual([]);
  });

  it('local delete vs remote edit: deleted too (delete wins), remote edit recoverable; keeping the delete deletes', () => {
    const edited = claim({ tagIds: ['t9'] });
    const { merged, conflicts } = mergeRecord('claims', claim(), [deleted('ana', 5)], [by('ben', 3, edited)]);
    expect(merged).toBeUndefined();
    expect(conflicts[0]).toMatchObject({ kind: 'edit-delete', local: { absent: true }, remote: { value: edited } });
    expect(resolveRemote(conflicts[0]!, undefined, who).ops).toEqual([{ t: 'put', c: 'claims', v: { ...edited, updatedAt: who.at } }]);
    // If the sync layer had still the edited record in place, choosing the delete deletes it.
    expect(resolveLocal(conflicts[0]!, edited, who).ops).toEqual([{ t: 'del', c: 'claims', id: 'c1' }]);
  });

  it('a delete against an untouched (or edited-back) record deletes silently', () => {
    expect(mergeRecord('claims', claim(), [deleted('ana', 1)], [by('ben', 2, claim({ statement: 'x' })), by('ben', 3, claim())])).toEqual({
      merged: undefined,
      conflicts: [],
    });
  });
});

describe('mergeRecord: ordered lists', () => {
  const blocks = (d: ReturnType<typeof dossier> | undefined) => d?.sections[0]?.blocks.map((b) => b.id);
  const withBlocks = (...ids: string[]) => dossier({ sections: [{ id: 's1', title: 'Summary', blocks: ids.map((i) => block(i)) }] });

  it('dossier blocks inserted on both sides are all kept, each after the block it followed, in the same order whichever side is local', () => {
    const base = withBlocks('b1', 'b2');
    const ana = withBlocks('b1', 'a1', 'a2', 'b2');
    const ben = withBlocks('b1', 'n1', 'b2', 'n2');
    const one = mergeRecord('dossiers', base, [by('ana', 5, ana)], [by('ben', 3, ben)]);
    const two = mergeRecord('dossiers', base, [by('ben', 3, ben)], [by('ana', 5, ana)]);
    // ben changed the list first, so his insertion after b1 comes before ana's.
    expect(blocks(one.merged)).toEqual(['b1', 'n1', 'a1', 'a2', 'b2', 'n2']);
    expect(two.merged).toEqual(one.merged);
    expect(one.conflicts).toEqual([]);
  });

  it('the same block edited on both sides conflicts at the block text; different blocks edited merge', () => {
    const base = withBlocks('b1', 'b2');
    const ana = dossier({ sections: [{ id: 's1', title: 'Summary', blocks: [block('b1', 'ana'), block('b2', 'x')] }] });
    const ben = dossier({ sections: [{ id: 's1', title: 'Summary', blocks: [block('b1', 'ben'), block('b2')] }] });
    const { merged, conflicts } = mergeRecord('dossiers', base, [by('ana', 5, ana)], [by('ben', 3, ben)]);
    expect(conflicts.map((c) => c.path)).toEqual([['sections', { id: 's1' }, 'blocks', { id: 'b1' }, 'text']]);
    expect(merged?.sections[0]?.blocks.map((b) => b.text)).toEqual(['ben', 'x']);
  });

  it('a section deleted on one side while a block in it was edited on the other: deleted, restorable where it was', () => {
    const base = dossier({ sections: [{ id: 's1', title: 'A', blocks: [block('b1')] }, { id: 's2', title: 'B', blocks: [block('b2')] }, { id: 's3', title: 'C', blocks: [] }] });
    const ana = dossier({ sections: [base.sections[0]!, { id: 's2', title: 'B', blocks: [block('b2', 'edited')] }, base.sections[2]!] });
    const ben = dossier({ sections: [base.sections[0]!, base.sections[2]!] });
    const { merged, conflicts } = mergeRecord('dossiers', base, [by('ana', 5, ana)], [by('ben', 3, ben)]);
    expect(merged?.sections.map((s) => s.id)).toEqual(['s1', 's3']);
    expect(conflicts[0]).toMatchObject({ kind: 'edit-delete', path: ['sections', { id: 's2' }], local: { after: 's1' }, remote: { absent: true } });
    const restored = resolveLocal(conflicts[0]!, merged, who);
    expect((restored.ops[0] as { v: ReturnType<typeof dossier> }).v.sections.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect((restored.ops[0] as { v: ReturnType<typeof dossier> }).v.sections[1]?.blocks[0]?.text).toBe('edited');
    expect(() => resolveCustom(conflicts[0]!, { id: 'other', title: 'x', blocks: [] }, merged, who)).toThrow(/element must be an object with id "s2"/);
    // Resolved against a record deleted since: a clear error, no ops.
    expect(() => resolveLocal(conflicts[0]!, undefined, who)).toThrow(/record no longer exists/);
  });

  it('matrix ratings merge per hypothesis; the same rating changed twice conflicts', () => {
    const m = (ratings: Record<string, 'C' | 'I' | 'N'>): AchMatrix => ({
      id: 'm1', title: 'M', question: 'Q', hypotheses: [{ id: 'H1', label: 'h1', note: '' }, { id: 'H2', label: 'h2', note: '' }],
      evidence: [{ id: 'e1', kind: 'claim', refId: 'c1', ratings, note: '' }], createdAt: T0, updatedAt: T0,
    });
    const ok = mergeRecord('matrices', m({}), [by('ana', 1, m({ H1: 'C' }))], [by('ben', 2, m({ H2: 'I' }))]);
    expect(ok.merged?.evidence[0]?.ratings).toEqual({ H1: 'C', H2: 'I' });
    const clash = mergeRecord('matrices', m({ H1: 'N' }), [by('ana', 1, m({ H1: 'C' }))], [by('ben', 2, m({ H1: 'I' }))]);
    expect(clash.conflicts.map((c) => [c.path, c.local.value, c.remote.value])).toEqual([[['evidence', { id: 'e1' }, 'ratings', 'H1'], 'C', 'I']]);
  });
});

describe('mergeRecord: commutativity and ids', () => {
  it('without a conflict, merging in either order gives the same record', () => {
    const base = claim();
    const l = [by('ana', 4, claim({ tagIds: ['t1', 'x'], statement: 'S', updatedAt: '2026-01-01T00:04:00.000Z' }))];
    const r = [by('ben', 6, claim({ tagIds: ['t2', 'y'], credibility: 1, updatedAt: '2026-01-01T00:06:00.000Z' }))];
    const a = mergeRecord('claims', base, l, r);
    const b = mergeRecord('claims', base, r, l);
    expect(a.conflicts).toEqual([]);
    expect(b.merged).toEqual(a.merged);
    expect(a.merged?.tagIds).toEqual(['x', 'y']);
  });

  it('conflict ids are the same when the same edits are merged again', () => {
    const run = () => mergeRecord('claims', claim(), [by('ana', 1, claim({ statement: 'A' }))], [by('ben', 2, claim({ statement: 'B' }))]).conflicts[0]!.id;
    expect(run()).toBe(run());
    expect(run()).toMatch(/^cf-[0-9a-f]{16}$/);
  });
});
