import { describe, expect, it } from 'vitest';
import { aliasesAfterMerge, aliasesForAccepted, matchesEntity } from './suggestionAliases';

describe('suggestion aliases', () => {
  it('adds the suggestion name and new variants to an entity, keeping its own aliases first', () => {
    const entity = { name: 'Recep Tayyip Erdoğan', aliases: ['President Erdoğan'] };
    expect(aliasesAfterMerge(entity, { name: 'Erdogan', variants: ['Erdoğan', 'erdogan', 'Recep Tayyip Erdoğan'] }))
      .toEqual(['President Erdoğan', 'Erdogan']);
  });

  it('creates an accepted suggestion with its variants as aliases, not its own name', () => {
    expect(aliasesForAccepted('Recep Tayyip Erdoğan', ['Erdoğan', 'Recep Tayyip Erdoğan'])).toEqual(['Erdoğan']);
  });

  it('matches pickers by name or alias, ignoring case and diacritics', () => {
    const e = { name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'] };
    expect(matchesEntity(e, 'erdogan')).toBe(true);
    expect(matchesEntity(e, 'TAYYIP')).toBe(true);
    expect(matchesEntity(e, 'Putin')).toBe(false);
    expect(matchesEntity(e, '  ')).toBe(true);
  });
});
