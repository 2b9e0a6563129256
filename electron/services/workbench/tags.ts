/** Tags: a hierarchy with colours; rename, merge and delete apply to every highlight at once. */
import { ok } from '../../../shared/domain/result';
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Tag } from '../../../shared/domain/types';
import type { TagSummary } from '../../../shared/contract/views';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';

const PALETTE = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#f08c00', '#0ca678', '#d6336c', '#5f3dc4'];

export function tagPath(s: WorkspaceState, tag: Tag): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let t: Tag | undefined = tag; t && !seen.has(t.id); t = t.parentId ? s.get('tags', t.parentId) : undefined) {
    seen.add(t.id);
    names.unshift(t.name);
  }
  return names.join(' / ');
}

export function listTags(wb: Workbench): TagSummary[] {
  const counts = new Map<string, number>();
  for (const h of wb.state.all('highlights')) for (const t of h.tagIds) counts.set(t, (counts.get(t) ?? 0) + 1);
  return wb.state.all('tags')
    .map((t) => ({ ...t, count: counts.get(t.id) ?? 0, path: tagPath(wb.state, t) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function sameName(s: WorkspaceState, name: string, parentId: string | null, exceptId?: string): Tag | undefined {
  const n = name.trim().toLocaleLowerCase();
  return s.all('tags').find((t) => t.id !== exceptId && t.parentId === parentId && t.name.toLocaleLowerCase() === n);
}

function isDescendant(s: WorkspaceState, maybeChild: string, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let t = s.get('tags', maybeChild); t && !seen.has(t.id); t = t.parentId ? s.get('tags', t.parentId) : undefined) {
    if (t.id === ancestor) return true;
    seen.add(t.id);
  }
  return false;
}

export function createTag(
  wb: Workbench, req: { name: string; color?: string; parentId: string | null },
): ServiceResult<Tag, 'duplicate' | 'not_found'> {
  return wb.run(`Create tag “${req.name}”`, (s) => {
    if (req.parentId && !s.get('tags', req.parentId)) return fail('not_found', `No parent tag with id ${req.parentId}.`);
    const dup = sameName(s, req.name, req.parentId);
    if (dup) return fail('duplicate', `A tag named “${dup.name}” already exists here.`, { id: dup.id });
    const tag: Tag = {
      id: newId(), name: req.name.trim(), color: req.color ?? PALETTE[s.count('tags') % PALETTE.length]!,
      parentId: req.parentId, createdAt: now(),
    };
    return ok({ ops: [{ t: 'put', c: 'tags', v: tag }], value: tag });
  });
}

export function updateTag(
  wb: Workbench, req: { id: string; name?: string; color?: string; parentId?: string | null },
): ServiceResult<Tag, 'duplicate' | 'not_found' | 'conflict'> {
  return wb.run(req.name ? `Rename tag to “${req.name}”` : 'Edit tag', (s) => {
    const tag = s.get('tags', req.id);
    if (!tag) return fail('not_found', `No tag with id ${req.id}.`);
    const parentId = req.parentId === undefined ? tag.parentId : req.parentId;
    if (parentId && !s.get('tags', parentId)) return fail('not_found', `No parent tag with id ${parentId}.`);
    if (parentId && (parentId === tag.id || isDescendant(s, parentId, tag.id))) {
      return fail('conflict', `“${tag.name}” cannot be placed under itself or one of its own children.`);
    }
    const name = req.name?.trim() ?? tag.name;
    const dup = sameName(s, name, parentId, tag.id);
    if (dup) return fail('duplicate', `A tag named “${dup.name}” already exists here; merge them instead.`, { id: dup.id });
    const v: Tag = { ...tag, name, color: req.color ?? tag.color, parentId };
    return ok({ ops: [{ t: 'put', c: 'tags', v }], value: v });
  });
}

/** Replaces `fromId` by `intoId` on every highlight and claim, moves its children, removes it. */
export function mergeTags(
  wb: Workbench, fromId: string, intoId: string,
): ServiceResult<{ into: Tag; retagged: number }, 'not_found' | 'conflict'> {
  return wb.run('Merge tags', (s) => {
    const from = s.get('tags', fromId);
    const into = s.get('tags', intoId);
    if (!from) return fail('not_found', `No tag with id ${fromId}.`);
    if (!into) return fail('not_found', `No tag with id ${intoId}.`);
    if (fromId === intoId) return fail('conflict', 'A tag cannot be merged into itself.');
    if (isDescendant(s, intoId, fromId)) return fail('conflict', `“${into.name}” is inside “${from.name}”; merge the other way round.`);
    const ops: Op[] = [];
    const swap = (ids: string[]) => [...new Set(ids.map((t) => (t === fromId ? intoId : t)))];
    let retagged = 0;
    for (const h of s.all('highlights')) {
      if (h.tagIds.includes(fromId)) {
        retagged++;
        ops.push({ t: 'put', c: 'highlights', v: { ...h, tagIds: swap(h.tagIds), updatedAt: now() } });
      }
    }
    for (const c of s.all('claims')) {
      if (c.tagIds.includes(fromId)) ops.push({ t: 'put', c: 'claims', v: { ...c, tagIds: swap(c.tagIds), updatedAt: now() } });
    }
    for (const child of s.all('tags')) {
      if (child.parentId === fromId) ops.push({ t: 'put', c: 'tags', v: { ...child, parentId: intoId } });
    }
    ops.push({ t: 'del', c: 'tags', id: fromId });
    return ok({ ops, value: { into, retagged } });
  });
}

export function deleteTag(wb: Workbench, id: string): ServiceResult<{ untagged: number }, 'not_found'> {
  return wb.run('Delete tag', (s) => {
    const tag = s.get('tags', id);
    if (!tag) return fail('not_found', `No tag with id ${id}.`);
    const ops: Op[] = [];
    let untagged = 0;
    for (const h of s.all('highlights')) {
      if (h.tagIds.includes(id)) {
        untagged++;
        ops.push({ t: 'put', c: 'highlights', v: { ...h, tagIds: h.tagIds.filter((t) => t !== id), updatedAt: now() } });
      }
    }
    for (const c of s.all('claims')) {
      if (c.tagIds.includes(id)) ops.push({ t: 'put', c: 'claims', v: { ...c, tagIds: c.tagIds.filter((t) => t !== id), updatedAt: now() } });
    }
    // Children move up to the deleted tag's parent rather than vanishing.
    for (const child of s.all('tags')) {
      if (child.parentId === id) ops.push({ t: 'put', c: 'tags', v: { ...child, parentId: tag.parentId } });
    }
    ops.push({ t: 'del', c: 'tags', id });
    return ok({ ops, value: { untagged } });
  });
}
