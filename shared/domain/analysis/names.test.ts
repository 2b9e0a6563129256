/** Name matching (case and diacritics folded), alias clean-up and merging; relationship vocabulary. */
import { describe, expect, it } from 'vitest';
import { cleanAliases, findByNameOrAlias, mergedAliases } from './names';
import { canonicalRelationshipType, relationshipKey, relationshipLabel } from './vocabulary';

const people = [
  { id: '1', name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'] },
  { id: '2', name: 'Kassym-Jomart Tokayev', aliases: [] },
];

describe('names', () => {
  it('finds an entity by name or alias, ignoring case and diacritics', () => {
    expect(findByNameOrAlias(people, 'erdogan')?.id).toBe('1');
    expect(findByNameOrAlias(people, 'RECEP TAYYIP  ERDOGAN')?.id).toBe('1');
    expect(findByNameOrAlias(people, 'kassym–jomart tokayev')?.id).toBe('2');
    expect(findByNameOrAlias(people, 'Tokay')).toBeUndefined();
    expect(findByNameOrAlias(people, 'Erdoğan', '1')).toBeUndefined();
  });

  it('cleans and merges aliases without the own name or folded duplicates', () => {
    expect(cleanAliases('Türkiye', [' Turkey ', 'TURKEY', 'turkiye', '', 'Republic of  Türkiye'])).toEqual(['Turkey', 'Republic of Türkiye']);
    expect(mergedAliases({ name: 'President Recep Tayyip Erdoğan', aliases: ['Erdogan', 'Erdoğan'] }, { name: 'Erdoğan', aliases: ['Tayyip'] }))
      .toEqual(['Tayyip', 'President Recep Tayyip Erdoğan']);
  });

  it('labels vocabulary types, keeps custom types as typed and treats symmetric types as unordered', () => {
    expect(relationshipLabel('member_of')).toBe('member of');
    expect(relationshipLabel('Sells arms to')).toBe('Sells arms to');
    expect(canonicalRelationshipType('Meets with')).toBe('meets_with');
    expect(canonicalRelationshipType('spokesperson_for')).toBe('spokesperson_for');
    expect(canonicalRelationshipType(' Sells arms to ')).toBe('Sells arms to');
    expect(relationshipKey({ fromId: 'a', toId: 'b', type: 'meets_with' })).toBe(relationshipKey({ fromId: 'b', toId: 'a', type: 'meets_with' }));
    expect(relationshipKey({ fromId: 'a', toId: 'b', type: 'leads' })).not.toBe(relationshipKey({ fromId: 'b', toId: 'a', type: 'leads' }));
  });
});
