import { describe, expect, it } from 'vitest';
import { estimateHighlightRowHeight } from './highlightRowHeight';

describe('estimateHighlightRowHeight', () => {
  const plain = { tagCount: 0, hasNote: false };

  it('grows with the quote, one line per ~40 characters', () => {
    const one = estimateHighlightRowHeight({ quote: 'short', ...plain });
    const two = estimateHighlightRowHeight({ quote: 'x'.repeat(60), ...plain });
    expect(two - one).toBe(22);
  });

  it('stops growing at the three lines the quote is clamped to', () => {
    expect(estimateHighlightRowHeight({ quote: 'x'.repeat(500), ...plain }))
      .toBe(estimateHighlightRowHeight({ quote: 'x'.repeat(120), ...plain }));
  });

  it('adds the tag line when the highlight has tags or a note', () => {
    const base = estimateHighlightRowHeight({ quote: 'q', ...plain });
    expect(estimateHighlightRowHeight({ quote: 'q', tagCount: 2, hasNote: false })).toBe(base + 24);
    expect(estimateHighlightRowHeight({ quote: 'q', tagCount: 0, hasNote: true })).toBe(base + 24);
  });

  it('counts an empty quote as one line', () => {
    expect(estimateHighlightRowHeight({ quote: '', ...plain })).toBe(12 + 22 + 6);
  });

  it('an area row is as high as its 56 px thumbnail, whatever its label', () => {
    expect(estimateHighlightRowHeight({ quote: 'Area on p. 3', ...plain, thumbnail: true })).toBe(12 + 56 + 6);
    expect(estimateHighlightRowHeight({ quote: 'Area on p. 3', tagCount: 1, hasNote: false, thumbnail: true })).toBe(12 + 56 + 24 + 6);
  });
});
