import { describe, expect, it } from 'vitest';
import { entitiesMentioned } from './mentionedEntities';

const tr = { id: 'tr', name: 'Türkiye', aliases: ['Turkey'] };
const kz = { id: 'kz', name: 'Kazakhstan', aliases: [] };
const erdogan = { id: 'e', name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'] };
const ank = { id: 'a', name: 'Ankara', aliases: [] };

describe('entitiesMentioned', () => {
  it('finds names and aliases in reading order, ignoring case and diacritics', () => {
    const text = 'Erdogan said TURKEY will support brotherly Kazakhstan.';
    expect(entitiesMentioned(text, [kz, tr, erdogan, ank]).map((e) => e.id)).toEqual(['e', 'tr', 'kz']);
  });

  it('matches whole words only', () => {
    expect(entitiesMentioned('The Ankaran delegation', [ank])).toEqual([]);
    expect(entitiesMentioned('Kazakhstan’s integrity', [kz])).toEqual([kz]);
  });
});
