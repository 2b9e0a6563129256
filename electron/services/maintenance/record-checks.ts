/** Integrity of records: every reference resolves, no id is used twice, tags form a tree; with the fixes as ops. */
import crypto from 'node:crypto';
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import { COLLECTION_NAMES, type BlockKind, type CollectionName, type Dossier, type Tag, type WorkspaceCollections } from '../../../shared/domain/types';
import type { DoctorProblem } from '../../../shared/contract/views-maintenance';

/** Where a dossier block's refId points (as in the dossier service); graph/timeline name an optional focus entity. */
const BLOCK_TARGET: Record<BlockKind, CollectionName | null> = {
  text: null, claim: 'claims', quote: 'highlights', relationship: 'relationships', entity: 'entities', graph: 'entities', timeline: 'entities', ach: 'matrices',
};

export interface RecordFindings {
  problems: DoctorProblem[];
  /** Ops that fix every repairable problem, one final put or delete per record. */
  ops: Op[];
}

class Checker {
  readonly problems: DoctorProblem[] = [];
  private readonly deleted = new Set<string>();
  private readonly fixed = new Map<string, Op>();

  constructor(private readonly s: WorkspaceState) {}

  exists(c: CollectionName, id: string): boolean {
    return this.s.get(c, id) !== undefined && !this.deleted.has(`${c}/${id}`);
  }

  remove(c: CollectionName, id: string, problem: Omit<DoctorProblem, 'repairable' | 'collection' | 'recordId'>): void {
    this.problems.push({ ...problem, collection: c, recordId: id, repairable: true });
    this.deleted.add(`${c}/${id}`);
    this.fixed.set(`${c}/${id}`, { t: 'del', c, id });
  }

  put<C extends CollectionName>(c: C, v: WorkspaceCollections[C]): void {
    this.fixed.set(`${c}/${v.id}`, { t: 'put', c, v } as Op);
  }

  /** The list without ids that do not resolve and without repeats; reports each. */
  cleanIds(c: CollectionName, id: string, field: string, ids: readonly string[], target: CollectionName): string[] {
    const out: string[] = [];
    for (const other of ids) {
      if (out.includes(other)) {
        this.problems.push({ kind: 'duplicate_id', collection: c, recordId: id, field, otherId: other, repairable: true,
          message: `${label(c)} ${id}: ${field} lists ${other} twice.`, fix: 'keep it once' });
      } else if (!this.exists(target, other)) {
        this.problems.push({ kind: 'dangling_reference', collection: c, recordId: id, field, otherId: other, repairable: true,
          message: `${label(c)} ${id}: ${field} refers to ${label(target)} ${other}, which does not exist.`, fix: `remove ${other} from ${field}` });
      } else out.push(other);
    }
    return out;
  }

  dangling(c: CollectionName, id: string, field: string, other: string, target: CollectionName, fix: string): void {
    this.problems.push({ kind: 'dangling_reference', collection: c, recordId: id, field, otherId: other, repairable: true,
      message: `${label(c)} ${id}: ${field} refers to ${label(target)} ${other}, which does not exist.`, fix });
  }

  get ops(): Op[] {
    return [...this.fixed.values()];
  }
}

const label = (c: CollectionName): string => (c === 'matrices' ? 'ACH matrix' : c.replace(/s$/, '').replace(/ie$/, 'y'));
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function checkTags(k: Checker, s: WorkspaceState): void {
  for (const t of s.all('tags')) {
    if (t.parentId !== null && !k.exists('tags', t.parentId)) {
      k.dangling('tags', t.id, 'parentId', t.parentId, 'tags', 'move the tag to the top level');
      k.put('tags', { ...t, parentId: null });
    }
  }
  // A cycle (a is under b, b under a) makes the tree endless: cut it at its smallest id.
  const done = new Set<string>();
  for (const t of s.all('tags')) {
    const path: string[] = [];
    let cur: Tag | undefined = t;
    while (cur && !done.has(cur.id)) {
      if (path.includes(cur.id)) {
        const cycle = path.slice(path.indexOf(cur.id)).sort();
        const cut = s.get('tags', cycle[0]!)!;
        k.problems.push({ kind: 'tag_cycle', collection: 'tags', recordId: cut.id, field: 'parentId', otherId: cut.parentId ?? undefined,
          repairable: true, message: `Tags ${cycle.join(', ')} are each other's ancestors.`, fix: `move tag ${cut.id} to the top level` });
        k.put('tags', { ...cut, parentId: null });
        break;
      }
      path.push(cur.id);
      cur = cur.parentId ? s.get('tags', cur.parentId) : undefined;
    }
    for (const id of path) done.add(id);
  }
}

function checkDossier(k: Checker, d: Dossier): void {
  const subjectIds = k.cleanIds('dossiers', d.id, 'subjectIds', d.subjectIds, 'entities');
  const seen = new Set<string>();
  const fresh = (field: string, id: string): string => {
    if (!seen.has(id)) return seen.add(id), id;
    const replacement = crypto.randomUUID();
    k.problems.push({ kind: 'duplicate_id', collection: 'dossiers', recordId: d.id, field, otherId: id, repairable: true,
      message: `Dossier ${d.id}: the ${field} id ${id} is used twice.`, fix: `give the second one a new id (${replacement})` });
    seen.add(replacement);
    return replacement;
  };
  let changed = !same(subjectIds, d.subjectIds);
  const sections = d.sections.map((sec) => {
    const secId = fresh('section', sec.id);
    const blocks = sec.blocks.flatMap((b) => {
      const id = fresh('block', b.id);
      const target = BLOCK_TARGET[b.kind];
      if (target && b.refId !== null && !k.exists(target, b.refId)) {
        const focusOnly = b.kind === 'graph' || b.kind === 'timeline';
        k.dangling('dossiers', d.id, `block ${b.id}`, b.refId, target, focusOnly ? 'show the block without a focus' : 'remove the block');
        changed = true;
        return focusOnly ? [{ ...b, id, refId: null }] : [];
      }
      if (id !== b.id) changed = true;
      return [{ ...b, id }];
    });
    if (secId !== sec.id) changed = true;
    return { ...sec, id: secId, blocks };
  });
  if (changed) k.put('dossiers', { ...d, subjectIds, sections });
}

/** Checks every record; the fixes are ops for one transaction (run it through Workbench.run to make it undoable). */
export function checkRecords(s: WorkspaceState): RecordFindings {
  const k = new Checker(s);
  for (const h of s.all('highlights')) {
    if (!k.exists('sources', h.sourceId)) {
      k.remove('highlights', h.id, { kind: 'dangling_reference', field: 'sourceId', otherId: h.sourceId,
        message: `Highlight ${h.id} belongs to source ${h.sourceId}, which does not exist.`, fix: 'delete the highlight' });
    }
  }
  for (const r of s.all('relationships')) {
    for (const field of ['fromId', 'toId'] as const) {
      if (!k.exists('relationships', r.id) || k.exists('entities', r[field])) continue;
      k.remove('relationships', r.id, { kind: 'dangling_reference', field, otherId: r[field],
        message: `Relationship ${r.id}: ${field} refers to entity ${r[field]}, which does not exist.`, fix: 'delete the relationship' });
    }
  }
  const stamp = new Date().toISOString();
  for (const h of s.all('highlights')) {
    if (!k.exists('highlights', h.id)) continue;
    const tagIds = k.cleanIds('highlights', h.id, 'tagIds', h.tagIds, 'tags');
    const entityIds = k.cleanIds('highlights', h.id, 'entityIds', h.entityIds, 'entities');
    if (!same(tagIds, h.tagIds) || !same(entityIds, h.entityIds)) k.put('highlights', { ...h, tagIds, entityIds, updatedAt: stamp });
  }
  for (const c of s.all('claims')) {
    let claimantId = c.claimantId;
    if (claimantId !== null && !k.exists('entities', claimantId)) {
      k.dangling('claims', c.id, 'claimantId', claimantId, 'entities', 'clear the claimant');
      claimantId = null;
    }
    const v = {
      ...c, claimantId,
      evidenceHighlightIds: k.cleanIds('claims', c.id, 'evidenceHighlightIds', c.evidenceHighlightIds, 'highlights'),
      aboutEntityIds: k.cleanIds('claims', c.id, 'aboutEntityIds', c.aboutEntityIds, 'entities'),
      supports: k.cleanIds('claims', c.id, 'supports', c.supports, 'claims'),
      contradicts: k.cleanIds('claims', c.id, 'contradicts', c.contradicts, 'claims'),
      tagIds: k.cleanIds('claims', c.id, 'tagIds', c.tagIds, 'tags'),
    };
    const lists = ['evidenceHighlightIds', 'aboutEntityIds', 'supports', 'contradicts', 'tagIds'] as const;
    if (claimantId !== c.claimantId || lists.some((f) => !same(v[f], c[f]))) k.put('claims', { ...v, updatedAt: stamp });
  }
  for (const r of s.all('relationships')) {
    if (!k.exists('relationships', r.id)) continue;
    const evidenceHighlightIds = k.cleanIds('relationships', r.id, 'evidenceHighlightIds', r.evidenceHighlightIds, 'highlights');
    const evidenceClaimIds = k.cleanIds('relationships', r.id, 'evidenceClaimIds', r.evidenceClaimIds, 'claims');
    if (!same(evidenceHighlightIds, r.evidenceHighlightIds) || !same(evidenceClaimIds, r.evidenceClaimIds)) {
      k.put('relationships', { ...r, evidenceHighlightIds, evidenceClaimIds, updatedAt: stamp });
    }
  }
  for (const d of s.all('dossiers')) checkDossier(k, d);
  checkTags(k, s);
  checkSharedIds(k, s);
  return { problems: k.problems, ops: k.ops };
}

/** One id in two collections: references are typed by field, so nothing is ambiguous; reported, not changed. */
function checkSharedIds(k: Checker, s: WorkspaceState): void {
  const owner = new Map<string, CollectionName>();
  for (const c of COLLECTION_NAMES) {
    if (c === 'layouts') continue;
    for (const r of s.all(c)) {
      const first = owner.get(r.id);
      if (first) {
        k.problems.push({ kind: 'duplicate_id', collection: c, recordId: r.id, otherId: r.id, repairable: false,
          message: `The id ${r.id} is used by a ${label(first)} and a ${label(c)}.`, fix: 'none needed: references are typed, so nothing is ambiguous' });
      } else owner.set(r.id, c);
    }
  }
}
