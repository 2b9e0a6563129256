/** Keeps the workspace search index in step with every change, and builds it in the background on open. */
import { SearchIndex, type SearchHit, type SearchOptions } from '../../../shared/search';
import type { Op } from '../../../shared/domain/ops';
import type { Highlight } from '../../../shared/domain/types';
import type { Workbench } from '../workbench/workbench';

export interface SearchStatus {
  ready: boolean;
  /** 0..1 while the background build runs. */
  progress: number;
  records: number;
}

/** Work done per slice of the background build before yielding to the event loop. */
const SLICE_MS = 15;

export class SearchService {
  private index = new SearchIndex();
  private ready = false;
  private done = 0;
  private total = 0;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly wb: Workbench) {
    this.unsubscribe = wb.state.onOps((ops) => this.apply(ops));
  }

  /** Indexes everything in slices so opening the workspace is never blocked by it. */
  startBuild(): Promise<void> {
    const s = this.wb.state;
    const jobs: Array<() => void> = [
      ...s.all('sources').map((r) => () => this.indexSource(r.id)),
      ...s.all('highlights').map((r) => () => this.indexHighlight(r.id)),
      ...s.all('claims').map((r) => () => { const c = s.get('claims', r.id); if (c) this.index.upsertClaim(c); }),
      ...s.all('entities').map((r) => () => { const e = s.get('entities', r.id); if (e) this.index.upsertEntity(e); }),
      ...s.all('dossiers').map((r) => () => { const d = s.get('dossiers', r.id); if (d) this.index.upsertDossier(d); }),
    ];
    this.total = jobs.length;
    return new Promise((resolve) => {
      const slice = () => {
        if (this.stopped) return resolve();
        const until = Date.now() + SLICE_MS;
        while (this.done < jobs.length && Date.now() < until) jobs[this.done++]!();
        if (this.done < jobs.length) setImmediate(slice);
        else {
          this.ready = true;
          resolve();
        }
      };
      // Not even the first slice runs during open: one large source can take a few hundred ms to index.
      setImmediate(slice);
    });
  }

  status(): SearchStatus {
    return { ready: this.ready, progress: this.total === 0 ? 1 : this.done / this.total, records: this.done };
  }

  query(q: string, opts: SearchOptions): { hits: SearchHit[]; complete: boolean } {
    return { hits: this.index.search(q, opts), complete: this.ready };
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
  }

  private indexSource(id: string): void {
    const src = this.wb.state.get('sources', id);
    if (!src) return;
    const text = this.wb.store.texts.get(src.contentHash);
    if (text !== null) this.index.upsertSource(src, text);
  }

  private tagNames(h: Highlight): string[] {
    return h.tagIds.map((t) => this.wb.state.get('tags', t)?.name).filter((n): n is string => !!n);
  }

  private indexHighlight(id: string): void {
    const h = this.wb.state.get('highlights', id);
    if (h) this.index.upsertHighlight(h, this.tagNames(h));
  }

  /** Mirrors committed ops (including undo/redo) into the index. */
  private apply(ops: readonly Op[]): void {
    for (const op of ops) {
      const id = op.t === 'put' ? op.v.id : op.id;
      switch (op.c) {
        case 'sources':
          if (op.t === 'put') this.indexSource(id); else this.index.removeSource(id);
          break;
        case 'highlights':
          if (op.t === 'put') this.indexHighlight(id); else this.index.removeHighlight(id);
          break;
        case 'claims':
          if (op.t === 'put') this.index.upsertClaim(op.v); else this.index.removeClaim(id);
          break;
        case 'entities':
          if (op.t === 'put') this.index.upsertEntity(op.v); else this.index.removeEntity(id);
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
  }
}
