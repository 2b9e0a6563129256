/** Reads for web capture: a captured source's versions, the diff between two versions, the paired browser extensions. */
import type { PairedExtension, SourceVersionSummary, TextDiffView } from '../../../shared/contract/views-capture';
import { client } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

export const captureQueries = {
  versions: (sourceId: string): QueryDef<SourceVersionSummary[]> => ({
    key: `capture:versions:${sourceId}`, fetch: () => client['capture.versions']({ sourceId }),
  }),
  /** Two versions' texts never change (a re-capture makes a new source), so a diff never needs reloading. */
  diff: (fromId: string, toId: string): QueryDef<TextDiffView> => ({
    key: `capture:diff:${fromId}:${toId}`, fetch: () => client['capture.diff']({ fromId, toId }),
  }),
  extensions: (): QueryDef<PairedExtension[]> => ({ key: 'extensions', fetch: () => client['extension.list']({}) }),
};

/** Every key a re-capture can make stale: the version lists of the chain (any source of it may be shown). */
export const isCaptureVersionsKey = (k: string) => k.startsWith('capture:versions:');
export const isExtensionsKey = (k: string) => k === 'extensions';

export const useCaptureVersions = (sourceId: string | null) => useQuery(sourceId ? captureQueries.versions(sourceId) : null);
export const useCaptureDiff = (pair: { fromId: string; toId: string } | null) =>
  useQuery(pair ? captureQueries.diff(pair.fromId, pair.toId) : null);
export const usePairedExtensions = () => useQuery(captureQueries.extensions());
