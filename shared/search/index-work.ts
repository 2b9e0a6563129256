/**
 * The slow part of index updates as small units of queued work: a source's passages one at a time,
 * forgetting the words of removed documents, compaction. A host runs it in short slices so one huge
 * source never holds up the thread that answers requests.
 */
import type { Source } from '../domain/types';
import type { TextChunk } from './chunk';
import type { Detached, DocTable } from './doc-table';
import { sourceChunks, sourcePassageDoc } from './records';

/** Removed documents stay in the engines as tombstones until this many pile up (and a quarter of the live ones). */
const COMPACT_AFTER = 5_000;
/** A removal of up to this many passages forgets their words at once (a few ms) rather than queueing them. */
const INLINE_FORGET = 100;

/** Indexes one version of a source passage by passage, reusing the documents of passages whose text is unchanged. */
class SourceJob {
  private readonly chunks: Iterator<TextChunk>;
  private readonly next: number[] = [];
  /** Passages handled so far; `previous[i]` onwards are still live and untouched. */
  private i = 0;
  private chunksLeft = true;

  constructor(private readonly source: Source, text: string, private readonly previous: readonly number[]) {
    this.chunks = sourceChunks(text);
  }

  /** Every live document of the source right now: the new passages so far and the old ones not yet replaced. */
  liveIds(): number[] {
    return [...this.next, ...this.previous.slice(this.i)];
  }

  /** One passage (or one leftover old passage); returns true when the source is done. */
  step(table: DocTable, forget: (d: Detached | null) => void): boolean {
    if (this.chunksLeft) {
      const chunk = this.chunks.next();
      if (!chunk.done) {
        const doc = sourcePassageDoc(this.source, chunk.value, this.next.length);
        const old = this.previous[this.i++];
        if (old !== undefined && table.sameText(old, doc)) {
          table.setMeta(old, doc);
          this.next.push(old);
        } else {
          if (old !== undefined) forget(table.detach(old));
          this.next.push(table.add(doc));
        }
        return false;
      }
      this.chunksLeft = false;
    }
    // The new text has fewer passages than the old one.
    const old = this.previous[this.i++];
    if (old !== undefined) {
      forget(table.detach(old));
      return false;
    }
    table.records.set('source', this.source.id, this.next);
    return true;
  }
}

export class IndexWork {
  /** Queued sources by id, oldest first. */
  private readonly sourceJobs = new Map<string, SourceJob>();
  private readonly forgetting: Detached[] = [];

  constructor(private readonly table: DocTable) {}

  get pending(): boolean {
    return this.sourceJobs.size > 0 || this.forgetting.length > 0 || this.table.compacting || this.compactionDue();
  }

  /** Sources whose (re-)indexing is queued: they are not in the table's records until done. */
  get queuedSources(): number {
    return this.sourceJobs.size;
  }

  hasSource(id: string): boolean {
    return this.sourceJobs.has(id);
  }

  /** Queues (re-)indexing a source; a job already queued for it is superseded. */
  queueSource(source: Source, text: string): void {
    const previous = this.takeSourceIds(source.id);
    this.sourceJobs.set(source.id, new SourceJob(source, text, previous));
  }

  /** Finishes the queued indexing of one source now, ahead of the others. */
  finishSource(id: string): void {
    const job = this.sourceJobs.get(id);
    if (!job) return;
    while (!job.step(this.table, (d) => this.forget(d)));
    this.sourceJobs.delete(id);
  }

  /** Takes a source out of search at once; forgetting the words of a large one is queued. */
  removeSource(id: string): void {
    const ids = this.takeSourceIds(id);
    for (const docId of ids) {
      const detached = this.table.detach(docId);
      if (detached && ids.length <= INLINE_FORGET) this.table.uncount(detached);
      else this.forget(detached);
    }
  }

  forget(detached: Detached | null): void {
    if (detached) this.forgetting.push(detached);
  }

  /** Runs units of work while `more()` says so (at least one); returns whether work is left. */
  run(more: () => boolean): boolean {
    do {
      if (!this.unit()) break;
    } while (more());
    return this.pending;
  }

  /** Live document ids of a source, taken out of the records (and out of its queued job, which is dropped). */
  private takeSourceIds(id: string): number[] {
    const job = this.sourceJobs.get(id);
    const ids = job ? job.liveIds() : [...(this.table.records.get('source', id) ?? [])];
    this.sourceJobs.delete(id);
    this.table.records.delete('source', id);
    return ids;
  }

  private unit(): boolean {
    const first = this.sourceJobs.entries().next();
    if (!first.done) {
      const [id, job] = first.value;
      if (job.step(this.table, (d) => this.forget(d))) this.sourceJobs.delete(id);
      return true;
    }
    const detached = this.forgetting.pop();
    if (detached) {
      this.table.uncount(detached);
      return true;
    }
    if (this.compactionDue()) this.table.startCompaction();
    if (this.table.compacting) {
      this.table.compactStep();
      return true;
    }
    return false;
  }

  private compactionDue(): boolean {
    const { table } = this;
    return !table.compacting && table.tombstones > COMPACT_AFTER && table.tombstones > table.docs.size / 4;
  }
}
