/** Turns the flat tag list into a parent/child tree and answers tree questions (descendants, depth). */
import type { TagSummary } from '../../../../shared/contract/views';

export interface TagNode {
  tag: TagSummary;
  depth: number;
  children: TagNode[];
}

const byName = (a: TagSummary, b: TagSummary) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** Roots are tags without a (known) parent; a parent cycle, should one exist, is broken at the root. */
export function buildTagTree(tags: readonly TagSummary[]): TagNode[] {
  const ids = new Set(tags.map((t) => t.id));
  const childrenOf = new Map<string | null, TagSummary[]>();
  for (const tag of tags) {
    const parent = tag.parentId && ids.has(tag.parentId) ? tag.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), tag]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): TagNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((t) => !seen.has(t.id) && seen.add(t.id))
      .sort(byName)
      .map((tag) => ({ tag, depth, children: build(tag.id, depth + 1) }));
  return build(null, 0);
}

/** Depth-first list of nodes, the order rows are drawn in. */
export function flattenTagTree(nodes: readonly TagNode[]): TagNode[] {
  return nodes.flatMap((n) => [n, ...flattenTagTree(n.children)]);
}

/** The tag itself plus everything below it: none of these may become its parent. */
export function selfAndDescendants(tags: readonly TagSummary[], tagId: string): Set<string> {
  const result = new Set<string>([tagId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags) {
      if (t.parentId && result.has(t.parentId) && !result.has(t.id)) {
        result.add(t.id);
        grew = true;
      }
    }
  }
  return result;
}
