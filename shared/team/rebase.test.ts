import { describe, expect, it } from 'vitest';
import type { Op } from '../domain/ops';
import { resolveLocal } from './conflict';
import { claim, Client, highlight } from './fixtures';
import type { RemoteOp } from './rebase';

const put = (v: ReturnType<typeof claim>): Op => ({ t: 'put', c: 'claims', v });

describe('rebase', () => {
  it('applies remote ops on records with no local edits and leaves the pending edits as they were', () => {
    const me = new Client('ana');
    me.edit([{ t: 'put', c: 'highlights', v: highlight({ note: 'mine' }) }], 1);
    const before = me.pending;
    const out = me.pull([{ seq: 1, opId: 'o1', author: 'ben', at: 'x', op: put(claim({ statement: 'Ben' })) }]);
    expect(out.apply).toEqual([put(claim({ statement: 'Ben' }))]);
    expect(me.pending).toEqual(before);
    expect(me.state.get('highlights', 'h1')?.note).toBe('mine');
    expect(out.lastSeq).toBe(1);
  });

  it('two members editing different fields of one claim converge on both edits after push and pull', () => {
    const ana = new Client('ana');
    const ben = new Client('ben');
    ben.edit([put(claim({ credibility: 1 }))], 2);
    ana.edit([put(claim({ statement: 'Ana' }))], 3);
    const fromBen = ben.push(0);
    const out = ana.pull(fromBen);
    expect(out.conflicts).toEqual([]);
    expect(ana.state.get('claims', 'c1')).toMatchObject({ credibility: 1, statement: 'Ana' });
    // Ana's pending edit now states the merged record: pushing it cannot put back credibility 3 over Ben's 1.
    expect(ana.pending.map((p) => p.tx.label)).toEqual(['Merge with team edits']);
    ben.pull(ana.push(1));
    expect(ben.state.toJson()).toEqual(ana.state.toJson());
  });

  it('a concurrent same-field edit surfaces one conflict; resolving it for the local value yields the op to commit', () => {
    const ana = new Client('ana');
    ana.edit([put(claim({ statement: 'Ana' }))], 5);
    const out = ana.pull([{ seq: 1, opId: 'o1', author: 'ben', at: '2026-01-01T00:04:00.000Z', op: put(claim({ statement: 'Ben' })) }]);
    expect(ana.state.get('claims', 'c1')?.statement).toBe('Ben');
    expect(out.conflicts).toHaveLength(1);
    expect(out.conflicts[0]).toMatchObject({ local: { value: 'Ana', author: 'ana' }, remote: { value: 'Ben', author: 'ben' } });
    // Nothing of Ana's is left to push: the server's value stands until she resolves.
    expect(ana.pending).toEqual([]);
    const { ops } = resolveLocal(out.conflicts[0]!, ana.state.get('claims', 'c1'), { author: 'ana', at: '2026-01-01T00:09:00.000Z' });
    expect(ops).toMatchObject([{ t: 'put', c: 'claims', v: { statement: 'Ana' } }]);
  });

  it('a tag removed then re-added in two local transactions survives a remote removal of it', () => {
    const ana = new Client('ana');
    ana.edit([{ t: 'put', c: 'highlights', v: highlight({ tagIds: [] }) }], 1);
    ana.edit([{ t: 'put', c: 'highlights', v: highlight({ tagIds: ['t1'] }) }], 2);
    ana.pull([{ seq: 1, opId: 'o1', author: 'ben', at: 'x', op: { t: 'put', c: 'highlights', v: highlight({ tagIds: ['t9'] }) } }]);
    expect(ana.state.get('highlights', 'h1')?.tagIds).toEqual(['t1', 't9']);
  });

  it('a remote delete of a locally edited claim deletes it and keeps the edit restorable', () => {
    const ana = new Client('ana');
    ana.edit([put(claim({ statement: 'Ana' }))], 1);
    const out = ana.pull([{ seq: 1, opId: 'o1', author: 'ben', at: 'x', op: { t: 'del', c: 'claims', id: 'c1' } }]);
    expect(ana.state.get('claims', 'c1')).toBeUndefined();
    expect(out.conflicts[0]).toMatchObject({ kind: 'edit-delete', local: { value: { statement: 'Ana' } } });
    expect(ana.pending).toEqual([]);
  });

  it('applying the same remote op twice changes nothing: repeated in a batch, re-delivered, or re-run after a lost lastSeq', () => {
    const ana = new Client('ana');
    ana.edit([{ t: 'put', c: 'highlights', v: highlight({ tagIds: ['t1', 'a'] }) }], 1);
    const op: RemoteOp = { seq: 1, opId: 'o1', author: 'ben', at: 'x', op: { t: 'put', c: 'highlights', v: highlight({ tagIds: ['t1', 'b'] }) } };
    const first = ana.pull([op, { ...op }]);
    expect(first.skipped).toBe(1);
    const after = { state: ana.state.toJson(), pending: ana.pending };
    expect(ana.pull([op]).skipped).toBe(1);
    ana.lastSeq = 0; // as if the process died after applying but before saving the sequence
    const again = ana.pull([op]);
    expect(again.apply).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect({ state: ana.state.toJson(), pending: ana.pending }).toEqual(after);
    expect(ana.state.get('highlights', 'h1')?.tagIds).toEqual(['t1', 'a', 'b']);
  });
});
