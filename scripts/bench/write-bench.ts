/** Durable highlight writes through the real services (Workbench + create/update/deleteHighlight), timed one by one. */
import fs from 'node:fs';
import path from 'node:path';
import { Workbench } from '../../electron/services/workbench/workbench';
import { createHighlight, deleteHighlight, updateHighlight } from '../../electron/services/workbench/highlights';
import { HIGHLIGHT_COLORS, type Source } from '../../shared/domain/types';
import type { Op } from '../../shared/domain/ops';
import { freshCopy, type CachedWorkspace } from './workspace-cache';
import { Rng, sentence } from './random';
import { roundSummary, summarize, type Summary } from './stats';

export type WriteKind = 'create' | 'update' | 'delete';

/** One acknowledged edit: what kind, how long until durable and applied, and the ops it committed (for the SQLite replay). */
export interface TimedWrite {
  kind: WriteKind;
  ms: number;
  ops: Op[];
  /** A delete of a highlight that claims or relationships cite (the cascade must unlink it). */
  cited: boolean;
}

export interface WriteBenchResult {
  highlights: number;
  all: Summary;
  byKind: Record<WriteKind, Summary>;
  /** Deletes of highlights cited by claims/relationships, a subset of `delete`. */
  deleteCited: Summary;
  journalBytesPerWrite: number;
  /**
   * The one write that crosses the compaction threshold (every 5,000 journal records in the app): compaction
   * runs synchronously inside that commit, so this is the stall that write sees.
   */
  compactingWriteMs: number;
  openMs: number;
}

export const WRITES_PER_ROUND = 5;

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(`bench write failed: ${r.error.message}`);
  return r.value;
}

/** An open working copy on which rounds of edits are made: create, update it, update an older one, delete it, delete an older one. */
export class WriteSession {
  readonly writes: TimedWrite[] = [];
  private readonly r: Rng;
  private readonly sources: Source[];
  private readonly tags: string[];
  private readonly older: string[];
  private readonly cited: Set<string>;
  private journalStart = 0;

  private constructor(private readonly wb: Workbench, private readonly dir: string, readonly openMs: number, readonly highlights: number, seed: number) {
    this.r = new Rng(seed ^ 0x3417e5);
    this.sources = wb.state.all('sources');
    this.tags = wb.state.all('tags').map((t) => t.id);
    this.older = wb.state.all('highlights').map((h) => h.id);
    this.cited = new Set([...wb.state.all('claims').flatMap((c) => c.evidenceHighlightIds), ...wb.state.all('relationships').flatMap((x) => x.evidenceHighlightIds)]);
  }

  /** Opens a fresh copy; the compaction threshold is set so that the write after `plannedWrites` is the one that compacts. */
  static async open(ws: CachedWorkspace, seed: number, plannedWrites: number): Promise<WriteSession> {
    const dir = freshCopy(ws, 'writes');
    const started = performance.now();
    // No daily backup here: this times edits, not opening (openWorkspaceMs measures that the way main does).
    const wb = await Workbench.open(dir, { purpose: 'bench (writes)', autoBackup: false, compactEvery: plannedWrites + 1 });
    return new WriteSession(wb, dir, performance.now() - started, ws.counts.highlights ?? 0, seed);
  }

  private get journal(): string {
    return path.join(this.dir, 'journal.log');
  }

  /** Marks the start of the measured writes (after warm-up). */
  startMeasuring(): void {
    this.writes.length = 0;
    this.journalStart = fs.existsSync(this.journal) ? fs.statSync(this.journal).size : 0;
  }

  private timed(kind: WriteKind, run: () => unknown, cited = false): TimedWrite {
    const before = this.wb.store.lastSeq;
    const t0 = performance.now();
    run();
    const ms = performance.now() - t0;
    if (this.wb.store.lastSeq !== before + 1) throw new Error(`bench: a ${kind} did not commit exactly one journal record`);
    const tx = this.wb.state.history.undo[this.wb.state.history.undo.length - 1];
    const w: TimedWrite = { kind, ms, ops: tx?.ops ?? [], cited };
    this.writes.push(w);
    return w;
  }

  /** One round of five edits; `after` sees each right after it was acknowledged (the SQLite baselines replay it there). */
  round(index: number, after: (w: TimedWrite) => void = () => {}): void {
    const { r, wb } = this;
    const source = index % 10 === 0 ? this.sources[0]! : r.pick(this.sources);
    const start = r.int(0, Math.max(0, source.textLength - 200));
    let id = '';
    after(this.timed('create', () => {
      id = must(createHighlight(wb, { sourceId: source.id, start, end: start + r.int(10, 200), color: r.pick(HIGHLIGHT_COLORS), tagIds: r.some(this.tags, 1), note: '' })).id;
    }));
    after(this.timed('update', () => must(updateHighlight(wb, { id, note: sentence(r, 5, 20) }))));
    const old = this.older[r.int(0, this.older.length - 1)]!;
    after(this.timed('update', () => must(updateHighlight(wb, { id: old, tagIds: r.some(this.tags, 2), color: r.pick(HIGHLIGHT_COLORS) }))));
    after(this.timed('delete', () => must(deleteHighlight(wb, id))));
    let victim = this.older.pop()!;
    while (!wb.state.get('highlights', victim)) victim = this.older.pop()!;
    after(this.timed('delete', () => must(deleteHighlight(wb, victim)), this.cited.has(victim)));
  }

  async finish(): Promise<WriteBenchResult> {
    const journalBytes = fs.statSync(this.journal).size - this.journalStart;
    const measured = [...this.writes];
    const t0 = performance.now();
    must(createHighlight(this.wb, { sourceId: this.sources[1]!.id, start: 0, end: 40, color: 'yellow', tagIds: [], note: '' }));
    const compactingWriteMs = performance.now() - t0;
    await new Promise((done) => setImmediate(done)); // the journal is emptied once the snapshot write settles
    if (fs.statSync(this.journal).size !== 0) throw new Error('bench: the write over the threshold did not compact the journal');
    await this.wb.close();
    const of = (ws: TimedWrite[]) => roundSummary(summarize(ws.map((w) => w.ms)));
    return {
      highlights: this.highlights,
      all: of(measured),
      byKind: { create: of(measured.filter((w) => w.kind === 'create')), update: of(measured.filter((w) => w.kind === 'update')), delete: of(measured.filter((w) => w.kind === 'delete')) },
      deleteCited: of(measured.filter((w) => w.cited)),
      journalBytesPerWrite: Math.round(journalBytes / Math.max(1, measured.length)),
      compactingWriteMs,
      openMs: this.openMs,
    };
  }
}
