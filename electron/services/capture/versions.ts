/** Versions of a captured page: the chain a source belongs to, its newest version, and the capture.versions view. */
import type { Source } from '../../../shared/domain/types';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { SourceVersionSummary, TextDiffView } from '../../../shared/contract/views-capture';
import { ok } from '../../../shared/domain/result';
import { fail, type ServiceResult, type Workbench } from '../workbench/workbench';
import { textDiff } from './text-diff';

/** The version number of a source: its link's, or 1 for a capture never re-captured. */
export const versionNumber = (s: Source): number => s.versionOf?.version ?? 1;

/**
 * Every source of the chain `source` belongs to, oldest first. A chain is keyed by its root (version 1); versions
 * whose records were deleted are simply absent, the rest keep their numbers.
 */
export function versionChain(state: WorkspaceState, source: Source): Source[] {
  const rootId = source.versionOf?.rootId ?? source.id;
  const chain = state.all('sources').filter((s) => s.id === rootId || s.versionOf?.rootId === rootId);
  if (!chain.some((s) => s.id === source.id)) chain.push(source);
  return chain.sort((a, b) => versionNumber(a) - versionNumber(b) || a.createdAt.localeCompare(b.createdAt));
}

/** The newest version of the chain `source` belongs to (the source itself when it is the newest). */
export function newestVersion(state: WorkspaceState, source: Source): Source {
  const chain = versionChain(state, source);
  return chain[chain.length - 1] ?? source;
}

/** capture.versions: the chain oldest first with highlight counts; [] for a source that was not captured. */
export function listVersions(wb: Workbench, sourceId: string): ServiceResult<SourceVersionSummary[], 'not_found'> {
  const source = wb.state.get('sources', sourceId);
  if (!source) return fail('not_found', `No source with id ${sourceId}.`);
  if (!source.capture) return ok([]);
  return ok(versionChain(wb.state, source).map((s) => ({
    id: s.id,
    version: versionNumber(s),
    capturedAt: s.capture?.capturedAt ?? '',
    title: s.meta.title,
    textSha256: s.capture?.textSha256 ?? s.contentHash,
    highlightCount: wb.state.highlightCount(s.id),
  })));
}

/** capture.diff: the word diff from one source's text to another's (any two sources; normally two versions). */
export function diffSources(wb: Workbench, fromId: string, toId: string): ServiceResult<TextDiffView, 'not_found'> {
  const texts: string[] = [];
  for (const id of [fromId, toId]) {
    const s = wb.state.get('sources', id);
    if (!s) return fail('not_found', `No source with id ${id}.`);
    const text = wb.store.texts.get(s.contentHash);
    if (text === null) return fail('not_found', `The text of “${s.meta.title}” is missing or damaged in the workspace.`);
    texts.push(text);
  }
  const { parts, stats } = textDiff(texts[0]!, texts[1]!);
  return ok({ fromId, toId, parts, stats });
}
