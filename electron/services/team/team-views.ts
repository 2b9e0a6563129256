/** Turns team sync state into contract views: record labels, conflicts with both sides, activity items. */
import type { Conflict, ConflictSide } from '../../../shared/team/conflict';
import { isObject, pathKey } from '../../../shared/team/values';
import type { TeamActivityItem, TeamConflictSideView, TeamConflictView } from '../../../shared/contract/views-team';
import type { RemoteOp } from '../../../shared/team/rebase';
import type { Workbench } from '../workbench/workbench';
import type { CollectionName } from '../../../shared/domain/types';
import type { Author } from './sync-state';

const MAX_LABEL = 90;
const clip = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A short human name of a record value, by collection; '' when it has none. */
export function labelOfValue(collection: string, v: unknown): string {
  if (!isObject(v)) return '';
  switch (collection) {
    case 'sources': return clip(str(v.title) || str(v.fileName));
    case 'highlights': return clip(`“${str((v.quote as { exact?: unknown } | undefined)?.exact).replace(/\s+/g, ' ').trim()}”`);
    case 'tags': case 'entities': return clip(str(v.name));
    case 'claims': return clip(`“${str(v.statement)}”`);
    case 'relationships': return clip(str(v.type));
    case 'dossiers': case 'matrices': return clip(str(v.title));
    default: return '';
  }
}

const SINGULAR: Record<string, string> = {
  sources: 'source', highlights: 'highlight', tags: 'tag', entities: 'entity', claims: 'claim',
  relationships: 'relationship', dossiers: 'dossier', layouts: 'layout', matrices: 'ACH matrix',
};

/** "highlight “quote”", or "claim (deleted)" when the record is gone here and no value is at hand. */
export function recordLabel(wb: Workbench, collection: string, id: string, value?: unknown): string {
  const kind = SINGULAR[collection] ?? collection;
  const current = wb.state.get(collection as CollectionName, id);
  const label = labelOfValue(collection, current ?? value);
  if (label) return `${kind} ${label}`;
  return current ? `${kind} ${id}` : `${kind} ${id} (deleted)`;
}

const sideView = (s: ConflictSide): TeamConflictSideView => ({
  ...(s.absent ? {} : { value: s.value }), deleted: s.absent === true, author: s.author, at: s.at,
});

export function conflictView(wb: Workbench, c: Conflict): TeamConflictView {
  const value = c.path.length === 0 ? (c.local.value ?? c.remote.value) : undefined;
  return {
    id: c.id, collection: c.collection, recordId: c.recordId, recordLabel: recordLabel(wb, c.collection, c.recordId, value),
    field: pathKey(c.path), kind: c.kind, local: sideView(c.local), remote: sideView(c.remote),
  };
}

/** Activity items for ops pulled from others, newest first. */
export function activityOfRemote(wb: Workbench, remote: readonly RemoteOp[], me: string): TeamActivityItem[] {
  const out: TeamActivityItem[] = [];
  for (const r of remote) {
    if (r.author === me) continue;
    const id = r.op.t === 'put' ? r.op.v.id : r.op.id;
    out.push({
      member: r.author, action: r.op.t === 'put' ? 'changed' : 'deleted', collection: r.op.c, recordId: id,
      recordLabel: recordLabel(wb, r.op.c, id, r.op.t === 'put' ? r.op.v : undefined), at: r.at,
    });
  }
  return out.reverse();
}

/** Activity from the saved author map (last change per record), for what was pulled before this session. */
export function activityOfAuthors(wb: Workbench, authors: Map<string, Author>, me: string): TeamActivityItem[] {
  const out: TeamActivityItem[] = [];
  for (const [key, a] of authors) {
    if (a.member === me) continue;
    const slash = key.indexOf('/');
    const collection = key.slice(0, slash);
    const recordId = key.slice(slash + 1);
    const exists = wb.state.get(collection as CollectionName, recordId) !== undefined;
    out.push({ member: a.member, action: exists ? 'changed' : 'deleted', collection, recordId, recordLabel: recordLabel(wb, collection, recordId), at: a.at });
  }
  return out.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
}
