/** Maps the tag names typed into a tags input to tag ids, and says which names are new tags. */
import type { TagSummary } from '../../../../../shared/contract/views';

export interface ResolvedTagValues {
  /** Ids in the order of the values; new names are left for the caller to create. */
  ids: string[];
  /** Names that match no tag (case-insensitively, by path or name), de-duplicated. */
  toCreate: string[];
}

const norm = (s: string) => s.trim().toLocaleLowerCase();

/** The label a tag is shown with in inputs: its full path, so nested tags are unambiguous. */
export const tagLabel = (tag: Pick<TagSummary, 'path' | 'name'>) => tag.path || tag.name;

function findTagByLabel(tags: readonly TagSummary[], value: string): TagSummary | undefined {
  const wanted = norm(value);
  return tags.find((t) => norm(tagLabel(t)) === wanted) ?? tags.find((t) => norm(t.name) === wanted);
}

export function resolveTagValues(values: readonly string[], tags: readonly TagSummary[]): ResolvedTagValues {
  const ids: string[] = [];
  const toCreate: string[] = [];
  for (const value of values) {
    if (!value.trim()) continue;
    const tag = findTagByLabel(tags, value);
    if (tag) {
      if (!ids.includes(tag.id)) ids.push(tag.id);
    } else if (!toCreate.some((n) => norm(n) === norm(value))) {
      toCreate.push(value.trim());
    }
  }
  return { ids, toCreate };
}
