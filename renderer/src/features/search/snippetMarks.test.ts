import { describe, expect, it } from 'vitest';
import { snippetPieces } from './snippetMarks';

describe('snippetPieces', () => {
  it('marks the matched ranges and keeps every character once', () => {
    const snippet = 'Erdoğan was welcomed in Astana. Erdoğan and Tokayev';
    const pieces = snippetPieces(snippet, [{ start: 32, end: 39 }, { start: 0, end: 7 }]);
    expect(pieces).toEqual([
      { text: 'Erdoğan', match: true },
      { text: ' was welcomed in Astana. ', match: false },
      { text: 'Erdoğan', match: true },
      { text: ' and Tokayev', match: false },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(snippet);
  });

  it('merges overlapping ranges and drops empty or out-of-range ones', () => {
    expect(snippetPieces('just peace now', [{ start: 0, end: 4 }, { start: 2, end: 10 }, { start: 20, end: 30 }, { start: 5, end: 5 }])).toEqual([
      { text: 'just peace', match: true },
      { text: ' now', match: false },
    ]);
    expect(snippetPieces('plain', [])).toEqual([{ text: 'plain', match: false }]);
  });
});
