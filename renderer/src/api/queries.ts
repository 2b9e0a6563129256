/** Every read the screens make, as cache keys + fetchers (keys are prefixes-friendly: "area:detail"). */
import type { Highlight } from '../../../shared/domain/types';
import type {
  HistoryState, ReaderView, TagSummary, WorkspaceInfo,
} from '../../../shared/contract/views';
import type { ApiError } from '../../../shared/contract/define';
import type { Result } from '../../../shared/domain/result';
import { expandReader } from '../../../shared/contract/reader-wire';
import { expandLibrary, type LibrarySource } from '../../../shared/contract/library-wire';
import { client } from './client';

export interface QueryDef<T> {
  key: string;
  fetch: () => Promise<Result<T, ApiError>>;
}

export const queries = {
  workspace: (): QueryDef<WorkspaceInfo> => ({ key: 'workspace', fetch: () => client['workspace.info']({}) }),
  // Compact on the wire (see library-wire): the library, pickers and filters read plain LibrarySource rows.
  sources: (): QueryDef<LibrarySource[]> => ({ key: 'sources', fetch: async () => {
    const reply = await client['sources.library']({});
    return reply.ok ? { ok: true, value: expandLibrary(reply.value) } : reply;
  } }),
  // Compact on the wire (see reader-wire); the reader and the cache patching (highlightPatch) work with the plain view.
  reader: (id: string): QueryDef<ReaderView> => ({ key: `reader:${id}`, fetch: async () => {
    const reply = await client['sources.open']({ id });
    return reply.ok ? { ok: true, value: expandReader(reply.value) } : reply;
  } }),
  tags: (): QueryDef<TagSummary[]> => ({ key: 'tags', fetch: () => client['tags.list']({}) }),
  highlightsByTag: (tagId: string): QueryDef<Highlight[]> => ({
    key: `highlights:tag:${tagId}`,
    fetch: () => client['highlights.list']({ tagId }),
  }),
  history: (): QueryDef<HistoryState> => ({ key: 'history', fetch: () => client['history.state']({}) }),
};

/** Key matchers used by mutations to refresh exactly what they may have changed. */
export const keys = {
  sources: (k: string) => k === 'sources',
  readers: (k: string) => k.startsWith('reader:'),
  reader: (id: string) => (k: string) => k === `reader:${id}`,
  tags: (k: string) => k === 'tags',
  highlights: (k: string) => k.startsWith('highlights:'),
  history: (k: string) => k === 'history',
  /**
   * What every committed edit changes besides its records: the undo history, and the "last changed by" of the record
   * on screen (cached only while a record is open in a team workspace, so cheap to reload).
   */
  edited: (k: string) => k === 'history' || k.startsWith('team:author:'),
  workspace: (k: string) => k === 'workspace',
};

export const anyOf = (...matchers: ((k: string) => boolean)[]) => (k: string) => matchers.some((m) => m(k));
