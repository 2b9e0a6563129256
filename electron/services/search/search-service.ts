/** Keeps the workspace search index in step with every change, and builds it in the background on open. */
import { INLINE_SOURCE_CHARS, SearchIndex, type SearchHit, type SearchOptions } from '../../../shared/search';
import type { ClaimParties, PartyNames } from '../../../shared/search/types';
import type { Op } from '../../../shared/domain/ops';
import type { Claim, Highlight } from '../../../shared/domain/types';
import type { Workbench } from '../workbench/workbench';
import { shareWorkspaceStrings } from './share-strings';
import { loadIndexFile, saveIndexFile } from './index-file';
import { journalTail } from './journal-tail';

export interface SearchStatus {
  /** False while the first build, or the indexing of a large imported source, is under way (results may be partial). */
  ready: boolean;
  /** 0..1 while the background build runs. */
  progress: number;
  records: number;
}

/**
 * Work done per slice of background indexing before yielding to the event loop. A unit of work is
 * one record or one passage of a source (~1,000 characters), so no slice runs much longer than this,
 * however large a source is.
 */
const SLICE_MS = 15;

/** The build indexes sources first (their passages are the bulk of the work), then the records that cite them. */
const BUILD_ORDER = ['sources', 'highlights', 'claims', 'entities', 'dossiers'] as const;
type BuildCollection = (typeof BUILD_ORDER)[number];

export class SearchService {
  /** Background mode: large sources are indexed passage by passage in slices (see `slice`). */
  private index = new SearchIndex(undefined, { background: true });
  /** Record ids still to index in the build, with their collections (see queueBuild). */
  private jobs: string[] = [];
  private jobKinds: BuildCollection[] = [];
  /** Build jobs in all, and how many are done (kept when the lists are emptied at the end). */
  private total = 0;
  private done = 0;
  private built = false;
  /** Large sources put by ops: their text is read and queued in a slice, not in the request that changed them. */
  private readonly toLoad = new Set<string>();
  /** A large source whose text is being read (off the thread, in pieces); indexing waits for it, to keep build order. */
  private loading: string | null = null;
  private scheduled = false;
  private stopped = false;
  private whenBuilt: (() => void) | null = null;
  private readonly unsubscribe: () => void;
  /** Saves the index beside the snapshot at compaction and close (writable workspaces). */
  private readonly unhook: () => void;
  /** True while the saved index is read: changes meanwhile are taken from the journal when it is in. */
  private restoring = false;
  /** The sequence number of the saved index file, so an unchanged index is not written again. */
  private savedSeq = -1;
  /** Why the saved index was not used (diagnostics only: a rebuild is the normal answer, never an error shown). */
  savedIndexProblem: string | null = null;

  constructor(private readonly wb: Workbench, private readonly options: { persist?: boolean } = {}) {
    this.unsubscribe = wb.state.onOps((ops) => this.apply(ops));
    this.unhook = this.persists ? wb.store.onSave((seq) => this.save(seq)) : () => undefined;
  }

  private get persists(): boolean {
    return (this.options.persist ?? true) && !this.wb.store.readOnly;
  }

  /**
   * Loads the index saved with the data (and applies the journal after it), else indexes everything; either
   * way in slices, so opening the workspace is never blocked by it.
   */
  startBuild(): Promise<void> {
    return new Promise((resolve) => {
      this.whenBuilt = resolve;
      if (!this.persists) {
        this.queueBuild();
        this.schedule(); // not even the first slice runs during open
        return;
      }
      this.restoring = true;
      void this.restore().catch((e: unknown) => (e instanceof Error ? e.message : String(e))).then((problem) => {
        this.restoring = false;
        if (this.stopped) return;
        if (problem) {
          this.savedIndexProblem = problem;
          this.index = new SearchIndex(undefined, { background: true });
          this.queueBuild();
        }
        this.schedule();
      });
    });
  }

  /** Swaps in the saved index brought up to date; returns why it cannot be used, or null. */
  private async restore(): Promise<string | null> {
    const store = this.wb.store;
    const yieldNow = () => new Promise<void>((done) => setImmediate(done));
    const loaded = await loadIndexFile(store.dir, store.manifest.id, yieldNow, { background: true, share: (d) => shareWorkspaceStrings(this.wb.state, d) });
    if (!loaded.ok) return loaded.reason === 'missing' ? 'no saved index' : loaded.message;
    if (this.stopped) return null;
    // Synchronous from here: no commit can slip between reading the journal and swapping the index in.
    const ops = journalTail(store.dir, this.wb.state, loaded.seq, store.lastSeq);
    if (!ops) return `saved index at change ${loaded.seq} is older than the journal reaches (now ${store.lastSeq})`;
    this.index = loaded.index;
    this.toLoad.clear();
    this.restoring = false;
    this.apply(ops);
    const mismatch = this.countMismatch();
    if (mismatch) return `saved index does not match the data (${mismatch})`;
    // Queued large sources from the journal are finished by the slices; the file is then current at lastSeq.
    this.savedSeq = ops.length === 0 ? loaded.seq : -1;
    return null;
  }

  /** A last check before trusting a loaded index: it holds exactly the records the workspace has. */
  private countMismatch(): string | null {
    const s = this.wb.state;
    const counts = this.index.recordCounts();
    for (const c of ['highlights', 'claims', 'entities', 'dossiers'] as const) {
      const kind = c === 'highlights' ? 'highlight' : c === 'claims' ? 'claim' : c === 'entities' ? 'entity' : 'dossier';
      if (counts[kind] !== s.count(c)) return `${counts[kind]} ${c} indexed, ${s.count(c)} stored`;
    }
    // A source whose text file is missing is not indexed, so sources may be fewer, never more.
    return counts.source > s.count('sources') + this.toLoad.size ? `${counts.source} sources indexed, ${s.count('sources')} stored` : null;
  }

  /** The store's save hook: writes the index when it is complete and changed since the last save. */
  private save(seq: number): void {
    if (this.stopped || this.restoring || !this.isReady() || seq === this.savedSeq) return;
    saveIndexFile(this.wb.store.dir, this.index, { workspaceId: this.wb.store.manifest.id, seq });
    this.savedSeq = seq;
  }

  /**
   * The build's work list: one (collection, id) pair per record, not a closure each (117k closures held their
   * records' contexts: 12 MB at 100k, kept until close). Emptied once the build is done.
   */
  private queueBuild(): void {
    const s = this.wb.state;
    for (const c of BUILD_ORDER) {
      for (const r of s.all(c)) {
        this.jobs.push(r.id);
        this.jobKinds.push(c);
      }
    }
    this.total = this.jobs.length;
  }

  /** Runs build job `i`: indexes the record as it is now (it may have changed or gone since the list was made). */
  private runJob(i: number): void {
    const id = this.jobs[i] as string;
    const s = this.wb.state;
    switch (this.jobKinds[i]) {
      case 'sources':
        this.loadSource(id);
        break;
      case 'highlights':
        this.indexHighlight(id);
        break;
      case 'claims':
        this.indexClaim(id);
        break;
      case 'entities': {
        const e = s.get('entities', id);
        if (e) this.index.upsertEntity(e);
        break;
      }
      default: {
        const d = s.get('dossiers', id);
        if (d) this.index.upsertDossier(d);
      }
    }
  }

  status(): SearchStatus {
    const total = this.total;
    // A build job that queued a large source is not finished until the index has worked through it.
    const finished = Math.max(0, this.done - (this.index.pending || this.loading !== null ? 1 : 0));
    return { ready: this.isReady(), progress: total === 0 ? 1 : finished / total, records: finished };
  }

  query(q: string, opts: SearchOptions): { hits: SearchHit[]; complete: boolean } {
    return { hits: this.index.search(q, opts), complete: this.isReady() };
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.unhook();
    this.finishBuild();
  }

  private isReady(): boolean {
    return this.built && !this.restoring && !this.busy();
  }

  private busy(): boolean {
    return this.index.pending || this.loading !== null || this.toLoad.size > 0 || this.done < this.total;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped || this.restoring) return;
    this.scheduled = true;
    setImmediate(() => this.slice());
  }

  /** One slice: queued index work first (it keeps documents in build order), then sources to load, then build jobs. */
  private slice(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const until = performance.now() + SLICE_MS;
    const more = () => performance.now() < until;
    do {
      if (this.index.pending) this.index.work(more);
      else if (this.loading !== null) break; // the read schedules the next slice
      else if (this.toLoad.size > 0) this.loadNext();
      else if (this.done < this.total) this.runJob(this.done++);
      else break;
    } while (more());
    if (this.index.pending || (this.loading === null && this.busy())) this.schedule();
    else if (this.loading === null && this.whenBuilt) {
      this.built = true;
      this.jobs = [];
      this.jobKinds = [];
      this.finishBuild();
    }
  }

  private finishBuild(): void {
    const resolve = this.whenBuilt;
    this.whenBuilt = null;
    resolve?.();
  }

  private loadNext(): void {
    const id = this.toLoad.values().next().value as string;
    this.toLoad.delete(id);
    this.loadSource(id);
  }

  /**
   * Hands a source and its text to the index, which indexes a large one passage by passage later.
   * A large text is read asynchronously: reading and checking 20 MB in one go takes ~150 ms.
   */
  private loadSource(id: string): void {
    const src = this.wb.state.get('sources', id);
    if (!src) return;
    if (src.textLength <= INLINE_SOURCE_CHARS) {
      const text = this.wb.store.texts.get(src.contentHash);
      if (text !== null) this.index.upsertSource(src, text);
      if (this.index.pending) this.schedule();
      return;
    }
    this.loading = id;
    const loaded = (text: string | null) => {
      this.loading = null;
      if (this.stopped) return;
      // The source may have changed or gone while its text was read: index what is current.
      const now = this.wb.state.get('sources', id);
      if (now && text !== null && now.contentHash === src.contentHash) this.index.upsertSource(now, text);
      else if (now && text !== null) this.toLoad.add(id);
      this.schedule();
    };
    this.wb.store.texts.getAsync(src.contentHash).then(loaded, () => loaded(null));
  }

  private tagNames(h: Highlight): string[] {
    return h.tagIds.map((t) => this.wb.state.get('tags', t)?.name).filter((n): n is string => !!n);
  }

  private indexHighlight(id: string): void {
    const h = this.wb.state.get('highlights', id);
    if (h) this.index.upsertHighlight(h, this.tagNames(h));
  }

  /** The names of a claim's claimant and subjects, as they are now. */
  private claimParties(c: Claim): ClaimParties {
    const named = (id: string): PartyNames | null => {
      const e = this.wb.state.get('entities', id);
      return e ? { name: e.name, aliases: e.aliases } : null;
    };
    return {
      claimant: c.claimantId ? named(c.claimantId) : null,
      about: c.aboutEntityIds.map(named).filter((p): p is PartyNames => p !== null),
    };
  }

  /** Indexes a claim as it is now, or removes it when it is gone. */
  private indexClaim(id: string): void {
    const c = this.wb.state.get('claims', id);
    if (c) this.index.upsertClaim(c, this.claimParties(c));
    else this.index.removeClaim(id);
  }

  /** Mirrors committed ops (including undo/redo) into the index; a large source is only queued here. */
  private apply(ops: readonly Op[]): void {
    if (this.restoring) return; // the journal tail brings these in when the saved index is loaded
    // Claims are indexed once per batch, after every op: a merge puts the entity and repoints many claims.
    const claims = new Set<string>();
    for (const op of ops) {
      const id = op.t === 'put' ? op.v.id : op.id;
      switch (op.c) {
        case 'sources':
          if (op.t === 'put' && op.v.textLength <= INLINE_SOURCE_CHARS) {
            this.toLoad.delete(id);
            this.loadSource(id);
          } else if (op.t === 'put') {
            this.toLoad.add(id);
            this.schedule();
          } else {
            this.toLoad.delete(id);
            this.index.removeSource(id);
            if (this.index.pending) this.schedule();
          }
          break;
        case 'highlights':
          if (op.t === 'put') this.indexHighlight(id); else this.index.removeHighlight(id);
          break;
        case 'claims':
          claims.add(id);
          break;
        case 'entities':
          if (op.t === 'put') this.index.upsertEntity(op.v); else this.index.removeEntity(id);
          // Claims carry their parties' names: the reverse references find the few to re-index, without a scan.
          for (const c of this.wb.state.referringTo('claims', [id])) claims.add(c.id);
          break;
        case 'dossiers':
          if (op.t === 'put') this.index.upsertDossier(op.v); else this.index.removeDossier(id);
          break;
        case 'tags':
          // Highlights are indexed with their tag names: a renamed tag re-indexes its highlights.
          for (const h of this.wb.state.all('highlights')) if (h.tagIds.includes(id)) this.indexHighlight(h.id);
          break;
        default:
          break;
      }
    }
    for (const id of claims) this.indexClaim(id);
    if (this.index.pending) this.schedule();
  }
}
