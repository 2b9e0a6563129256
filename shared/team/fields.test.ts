import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName, type Dossier, type Highlight, type Tag } from '../domain/types';
import { FIELD_RULES, schemaOf, type Schema } from './fields';
import { claim, dossier, highlight } from './fixtures';

// Compile-time half (checked by `tsc --noEmit`): the table rejects what it must reject. Each line below is an error
// today; if the typing ever lets one through, tsc reports the unused @ts-expect-error.
// @ts-expect-error a field left unclassified (createdAt)
export const missingField = { id: 'scalar', name: 'scalar', color: 'scalar', parentId: 'scalar' } satisfies Schema<Tag>;
// @ts-expect-error 'set' on a string field
export const setOnString = { id: 'scalar', name: 'set', color: 'scalar', parentId: 'scalar', createdAt: 'scalar' } satisfies Schema<Tag>;
// @ts-expect-error a field that does not exist
export const extraField = { id: 'scalar', name: 'scalar', color: 'scalar', parentId: 'scalar', createdAt: 'scalar', zz: 'scalar' } satisfies Schema<Tag>;
// @ts-expect-error a list element's field left out (refId)
export const innerMissing: Schema<Dossier>['sections'] = { kind: 'list', of: { id: 'scalar', title: 'scalar', blocks: { kind: 'list', of: { id: 'scalar', kind: 'scalar', text: 'scalar' } } } };
// @ts-expect-error an optional nested object's field left out (rects)
export const optionalInner: Schema<Highlight>['pdf'] = { kind: 'object', fields: { page: 'scalar' } };
// @ts-expect-error 'latest' on an object
export const latestOnObject: Schema<Highlight>['position'] = 'latest';

describe('FIELD_RULES', () => {
  it('has a table for every collection', () => {
    expect(Object.keys(FIELD_RULES).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('classifies every field the fixtures carry, nested ones included', () => {
    expect(Object.keys(claim()).filter((k) => !(k in schemaOf('claims')))).toEqual([]);
    expect(Object.keys(highlight()).filter((k) => !(k in schemaOf('highlights')))).toEqual([]);
    expect(Object.keys(dossier()).filter((k) => !(k in schemaOf('dossiers')))).toEqual([]);
  });

  it('the set-like fields named in the issue are sets', () => {
    const sets = Object.entries(FIELD_RULES).flatMap(([c, s]) => Object.entries(s).filter(([, r]) => r === 'set').map(([f]) => `${c}.${f}`));
    expect(sets).toEqual(
      expect.arrayContaining([
        'sources.dismissedSuggestions', 'highlights.tagIds', 'highlights.entityIds', 'entities.aliases', 'claims.evidenceHighlightIds',
        'claims.aboutEntityIds', 'claims.supports', 'claims.contradicts', 'claims.tagIds', 'relationships.evidenceHighlightIds',
        'relationships.evidenceClaimIds', 'dossiers.subjectIds',
      ]),
    );
  });

  it('an unknown collection is a clear error', () => {
    expect(() => schemaOf('nope' as CollectionName)).toThrow(/unknown collection "nope"/);
  });
});
