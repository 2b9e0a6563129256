/** Keeps references whole: when highlights go, the claims and relationships citing them are updated too. */
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';

/** Ops removing the given highlight ids from every claim and relationship that cites them. */
export function unlinkHighlights(s: WorkspaceState, ids: ReadonlySet<string>): Op[] {
  const ops: Op[] = [];
  const t = new Date().toISOString();
  for (const c of s.all('claims')) {
    if (c.evidenceHighlightIds.some((h) => ids.has(h))) {
      ops.push({ t: 'put', c: 'claims', v: { ...c, evidenceHighlightIds: c.evidenceHighlightIds.filter((h) => !ids.has(h)), updatedAt: t } });
    }
  }
  for (const r of s.all('relationships')) {
    if (r.evidenceHighlightIds.some((h) => ids.has(h))) {
      ops.push({ t: 'put', c: 'relationships', v: { ...r, evidenceHighlightIds: r.evidenceHighlightIds.filter((h) => !ids.has(h)), updatedAt: t } });
    }
  }
  return ops;
}

export function dependentsOfSource(s: WorkspaceState, _sourceId: string, highlightIds: ReadonlySet<string>): Op[] {
  return unlinkHighlights(s, highlightIds);
}
