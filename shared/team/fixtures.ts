/** Test fixtures for team merge tests: small records, versions by a named member at a given time, a seeded PRNG. */
import { makeTx, type Op } from '../domain/ops';
import { WorkspaceState } from '../domain/state';
import type { Claim, Dossier, DossierBlock, Highlight } from '../domain/types';
import type { Version } from './merge-context';
import { rebase, type PendingTx, type RemoteOp } from './rebase';

export const T0 = '2026-01-01T00:00:00.000Z';

export function claim(over: Partial<Claim> = {}): Claim {
  return {
    id: 'c1',
    claimantId: null,
    statement: 'The ship left port on 3 May.',
    type: 'fact',
    claimedAt: '',
    credibility: 3,
    evidenceHighlightIds: ['h1'],
    aboutEntityIds: [],
    supports: [],
    contradicts: [],
    tagIds: ['t1', 't2'],
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function highlight(over: Partial<Highlight> = {}): Highlight {
  return {
    id: 'h1',
    sourceId: 's1',
    color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact: 'left port', prefix: 'ship ', suffix: ' on' },
    position: { type: 'TextPositionSelector', start: 9, end: 18 },
    tagIds: ['t1'],
    note: '',
    entityIds: [],
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export const block = (id: string, text = id): DossierBlock => ({ id, kind: 'text', text, refId: null });

export function dossier(over: Partial<Dossier> = {}): Dossier {
  return {
    id: 'd1',
    title: 'Port movements',
    subjectIds: [],
    author: 'ana',
    sections: [{ id: 's1', title: 'Summary', blocks: [block('b1'), block('b2')] }],
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

/** A version made by `author` at minute `minute` of the test day. */
export function by<V>(author: string, minute: number, value: V): Version<V> {
  return { value, author, at: `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z` };
}

/** The record deleted by `author` at minute `minute`. */
export const deleted = (author: string, minute: number): Version<never> => ({ ...by(author, minute, undefined), value: undefined });

/** mulberry32: a tiny seeded PRNG, so property tests are reproducible from their seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A client: its workspace, its unpushed transactions, and the last sequence it saw. */
export class Client {
  state = WorkspaceState.fromJson({ claims: { c1: claim() }, highlights: { h1: highlight() } });
  pending: PendingTx[] = [];
  lastSeq = 0;
  constructor(readonly name: string) {}
  edit(ops: Op[], minute: number): void {
    const tx = makeTx('edit', ops, this.state);
    this.state.applyOps(ops);
    this.pending.push({ tx, author: this.name, at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString() });
  }
  pull(remote: RemoteOp[]) {
    const out = rebase({ current: this.state, pending: this.pending, remote, lastSeq: this.lastSeq });
    this.state.applyOps(out.apply);
    this.pending = out.pending;
    this.lastSeq = out.lastSeq;
    return out;
  }
  /** Hands the pending ops to a server whose log ends at `seq` (this client has pulled up to it) and forgets them. */
  push(seq: number): RemoteOp[] {
    const ops = this.pending.flatMap((p, i) => p.tx.ops.map((op, j) => ({ seq: 0, opId: `${this.name}-${seq}-${i}-${j}`, author: p.author, at: p.at, op })));
    this.pending = [];
    this.lastSeq = seq + ops.length;
    return ops.map((o, k) => ({ ...o, seq: seq + k + 1 }));
  }
}

