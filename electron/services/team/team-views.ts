/** Turns team sync state into contract views: record labels, conflicts with both sides, activity items. */
import type { Conflict, ConflictSide } from '../../../shared/team/conflict';
import { isObject, pathKey } from '../../../shared/team/values';
import type { TeamActivityItem, TeamConflictSideView, TeamConflictView } from '../../../shared/contract/views-team';
import type { RemoteOp } from '../../../shared/team/rebase';
import type { Workbench } from '../workbench/workbench';
import type { CollectionName } from '../../../shared/domain/types';
import { noteAuthor, type Author, type AuthorMark, type QueuedTx } from './sync-state';
import { keyOf, keyOfOp } from './sync-wire';

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

/** The author-map entry of a record (TeamSync.authorOf), to tell a put that created it from a later change. */
export type AuthorLookup = (collection: string, id: string) => Author | null;

/**
 * Activity items for ops pulled from others, newest first. A put is "created" when it is the record's first sighting
 * (the author map, already updated by the pull, names this op's member and time as the creator); once per record.
 */
export function activityOfRemote(wb: Workbench, remote: readonly RemoteOp[], me: string, authorOf?: AuthorLookup): TeamActivityItem[] {
  const out: TeamActivityItem[] = [];
  const createdSeen = new Set<string>();
  for (const r of remote) {
    const id = r.op.t === 'put' ? r.op.v.id : r.op.id;
    let action: TeamActivityItem['action'] = r.op.t === 'put' ? 'changed' : 'deleted';
    if (r.op.t === 'put' && !createdSeen.has(`${r.op.c}/${id}`)) {
      const c = authorOf?.(r.op.c, id)?.created;
      if (c && c.member === r.author && c.at === r.at) {
        action = 'created';
        createdSeen.add(`${r.op.c}/${id}`);
      }
    }
    if (r.author === me) continue;
    out.push({
      member: r.author, action, collection: r.op.c, recordId: id,
      recordLabel: recordLabel(wb, r.op.c, id, r.op.t === 'put' ? r.op.v : undefined), at: r.at,
    });
  }
  return out.reverse();
}

const sameMark = (x: AuthorMark, y: AuthorMark) => x.member === y.member && x.at === y.at;

/**
 * Activity from the saved author map, for what was pulled before this session: each record's last change ("created"
 * when nobody changed it since), plus its creation when someone changed it later. Newest first.
 */
export function activityOfAuthors(wb: Workbench, authors: Map<string, Author>, me: string): TeamActivityItem[] {
  const out: TeamActivityItem[] = [];
  for (const [key, a] of authors) {
    const slash = key.indexOf('/');
    const collection = key.slice(0, slash);
    const recordId = key.slice(slash + 1);
    const exists = wb.state.get(collection as CollectionName, recordId) !== undefined;
    const label = recordLabel(wb, collection, recordId);
    const item = (m: AuthorMark, action: TeamActivityItem['action']): TeamActivityItem =>
      ({ member: m.member, action, collection, recordId, recordLabel: label, at: m.at });
    const createdOnly = a.created !== undefined && sameMark(a.created, a);
    if (a.member !== me) out.push(item(a, !exists ? 'deleted' : createdOnly ? 'created' : 'changed'));
    if (a.created && !createdOnly && a.created.member !== me) out.push(item(a.created, 'created'));
  }
  return out.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
}

/** A record's authors with this member's queued (not yet pushed) edits laid over them, newest last. */
export function authorWithPending(synced: Author | null, pending: readonly QueuedTx[], collection: string, id: string): Author | null {
  const key = keyOf(collection, id);
  const m = new Map<string, Author>();
  if (synced) m.set(key, synced);
  for (const q of pending) {
    for (const op of q.tx.ops) if (keyOfOp(op) === key) noteAuthor(m, key, { member: q.author, at: q.at }, op.t === 'put');
  }
  return m.get(key) ?? null;
}
