/** The in-memory workspace: one Map per collection, the undo history, and the pure rules that change them. */
import { COLLECTION_NAMES, type CollectionName, type Highlight, type WorkspaceCollections } from './types';
import { REFERRING_COLLECTIONS, referencesOf, type ReferringCollection } from './references';
import { HISTORY_LIMIT, pushDone, type History, type Op, type RecordReader, type Tx } from './ops';

/** A journal entry: one acknowledged change. Replaying entries in order rebuilds the state exactly. */
export type Change =
  /** `quiet` changes (view layouts) are durable but not part of undo history. */
  | { kind: 'tx'; tx: Tx; quiet?: boolean }
  | { kind: 'undo' }
  | { kind: 'redo' };

export type CollectionsJson = { [C in CollectionName]: Record<string, WorkspaceCollections[C]> };

export class WorkspaceState implements RecordReader {
  private readonly maps = new Map<CollectionName, Map<string, unknown>>();
  /** Secondary index: highlight ids per source, so per-source views do not scan every highlight. */
  private readonly bySource = new Map<string, Set<string>>();
  /** Reverse references: record id → `${collection}/${id}` of the claims, relationships and dossiers citing it. */
  private readonly referrers = new Map<string, Set<string>>();
  history: History = { undo: [], redo: [] };
  /** Observers of every applied op (search index, caches); called after the ops are in place. */
  private readonly listeners = new Set<(ops: readonly Op[]) => void>();

  constructor() {
    for (const c of COLLECTION_NAMES) this.maps.set(c, new Map());
  }

  static fromJson(json: Partial<CollectionsJson>, history?: History): WorkspaceState {
    const s = new WorkspaceState();
    for (const c of COLLECTION_NAMES) {
      const records = json[c] ?? {};
      for (const v of Object.values(records)) s.put(c, v as never);
    }
    if (history) s.history = { undo: [...history.undo], redo: [...history.redo] };
    return s;
  }

  toJson(): CollectionsJson {
    const out = {} as Record<CollectionName, Record<string, unknown>>;
    for (const c of COLLECTION_NAMES) out[c] = Object.fromEntries(this.map(c));
    return out as CollectionsJson;
  }

  private map<C extends CollectionName>(c: C): Map<string, WorkspaceCollections[C]> {
    return this.maps.get(c) as Map<string, WorkspaceCollections[C]>;
  }

  get<C extends CollectionName>(c: C, id: string): WorkspaceCollections[C] | undefined {
    return this.map(c).get(id);
  }

  all<C extends CollectionName>(c: C): WorkspaceCollections[C][] {
    return [...this.map(c).values()];
  }

  count(c: CollectionName): number {
    return this.map(c).size;
  }

  highlightCount(sourceId: string): number {
    return this.bySource.get(sourceId)?.size ?? 0;
  }

  /** Records of `c` that reference any of `ids` (evidence, claimant, endpoints, dossier blocks…), without a scan. */
  referringTo<C extends ReferringCollection>(c: C, ids: Iterable<string>): WorkspaceCollections[C][] {
    const out = new Map<string, WorkspaceCollections[C]>();
    for (const id of ids) {
      for (const key of this.referrers.get(id) ?? []) {
        const slash = key.indexOf('/');
        if (key.slice(0, slash) !== c) continue;
        const rid = key.slice(slash + 1);
        const v = this.get(c, rid);
        if (v) out.set(rid, v);
      }
    }
    return [...out.values()];
  }

  private index(c: CollectionName, v: unknown, add: boolean): void {
    if (!(REFERRING_COLLECTIONS as readonly string[]).includes(c)) return;
    const key = `${c}/${(v as { id: string }).id}`;
    for (const ref of referencesOf(c as ReferringCollection, v as never)) {
      let set = this.referrers.get(ref);
      if (add) {
        if (!set) this.referrers.set(ref, (set = new Set()));
        set.add(key);
      } else if (set) {
        set.delete(key);
        if (set.size === 0) this.referrers.delete(ref);
      }
    }
  }

  highlightsOf(sourceId: string): Highlight[] {
    const ids = this.bySource.get(sourceId);
    if (!ids) return [];
    const m = this.map('highlights');
    return [...ids].map((id) => m.get(id)).filter((h): h is Highlight => h !== undefined);
  }

  private put<C extends CollectionName>(c: C, v: WorkspaceCollections[C]): void {
    if (c === 'highlights') {
      const h = v as Highlight;
      const prev = this.map('highlights').get(h.id);
      if (prev && prev.sourceId !== h.sourceId) this.bySource.get(prev.sourceId)?.delete(h.id);
      let set = this.bySource.get(h.sourceId);
      if (!set) this.bySource.set(h.sourceId, (set = new Set()));
      set.add(h.id);
    }
    const prev = this.map(c).get(v.id);
    if (prev) this.index(c, prev, false);
    this.index(c, v, true);
    this.map(c).set(v.id, v);
  }

  private del(c: CollectionName, id: string): void {
    if (c === 'highlights') {
      const prev = this.map('highlights').get(id);
      if (prev) this.bySource.get(prev.sourceId)?.delete(id);
    }
    const old = this.map(c).get(id);
    if (old) this.index(c, old, false);
    this.map(c).delete(id);
  }

  applyOps(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.t === 'put') this.put(op.c, op.v);
      else this.del(op.c, op.id);
    }
    for (const l of this.listeners) l(ops);
  }

  /** Subscribes to applied ops; returns the unsubscribe function. */
  onOps(listener: (ops: readonly Op[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies one change; returns false (and changes nothing) for an undo/redo with nothing to take. */
  apply(change: Change): boolean {
    if (change.kind === 'tx') {
      this.applyOps(change.tx.ops);
      if (!change.quiet) this.history = pushDone(this.history, change.tx);
      return true;
    }
    const from = change.kind === 'undo' ? this.history.undo : this.history.redo;
    const tx = from[from.length - 1];
    if (!tx) return false;
    this.applyOps(change.kind === 'undo' ? tx.inverse : tx.ops);
    const rest = from.slice(0, -1);
    if (change.kind === 'undo') {
      this.history = { undo: rest, redo: [...this.history.redo, tx].slice(-HISTORY_LIMIT) };
    } else {
      this.history = { undo: [...this.history.undo, tx].slice(-HISTORY_LIMIT), redo: rest };
    }
    return true;
  }
}
