import { describe, expect, it } from 'vitest';
import type { TagSummary } from '../../../../shared/contract/views';
import { buildTagTree, flattenTagTree, selfAndDescendants } from './tagTree';
import { resolveTagValues } from '../common/lib/tagValues';

const tag = (id: string, name: string, parentId: string | null, path = name): TagSummary =>
  ({ id, name, parentId, path, color: '#000000', count: 0, createdAt: '' });

const tags = [
  tag('c', 'claim', null),
  tag('d', 'disputed', 'c', 'claim / disputed'),
  tag('x', 'confirmed', 'c', 'claim / confirmed'),
  tag('dd', 'deeply', 'd', 'claim / disputed / deeply'),
  tag('a', 'Actors', null),
  tag('o', 'orphan-parent', 'missing'),
];

describe('tag tree', () => {
  it('nests children under parents, sorted by name, with depth', () => {
    const rows = flattenTagTree(buildTagTree(tags)).map((n) => `${'-'.repeat(n.depth)}${n.tag.name}`);
    expect(rows).toEqual(['Actors', 'claim', '-confirmed', '-disputed', '--deeply', 'orphan-parent']);
  });

  it('lists a tag and all its descendants (never valid parents for it)', () => {
    expect([...selfAndDescendants(tags, 'c')].sort()).toEqual(['c', 'd', 'dd', 'x']);
    expect([...selfAndDescendants(tags, 'x')]).toEqual(['x']);
  });
});

describe('resolveTagValues', () => {
  it('matches by path or name case-insensitively and collects new names once', () => {
    const result = resolveTagValues(['Claim / Disputed', 'confirmed', 'New one', 'new ONE', ' '], tags);
    expect(result).toEqual({ ids: ['d', 'x'], toCreate: ['New one'] });
  });
});
