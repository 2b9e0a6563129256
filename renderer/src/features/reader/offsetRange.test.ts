import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../common/lib/paragraphs';
import { segmentParagraphs } from './segments';
import { offsetsToRange, segmentAt } from './offsetRange';
import { rangeToOffsets } from '../common/lib/selectionOffsets';

/** Renders text the way ReaderParagraph does: one <p> per paragraph, spans and marks carrying data-offset. */
function render(text: string, highlights: { id: string; start: number; end: number }[]) {
  const { window } = new JSDOM('<!doctype html><body><article id="root"></article></body>');
  const root = window.document.getElementById('root')!;
  const paragraphs = splitParagraphs(text);
  segmentParagraphs(paragraphs, highlights).forEach((segments) => {
    const p = window.document.createElement('p');
    for (const s of segments) {
      const el = window.document.createElement(s.ids.length ? 'mark' : 'span');
      el.dataset.offset = String(s.start);
      el.textContent = text.slice(s.start, s.end);
      p.append(el);
    }
    root.append(p);
  });
  return root;
}

const TEXT = 'Türkiye supports Kazakhstan.\n\nErdoğan met Tokayev in Astana.';

describe('offsetsToRange', () => {
  it('covers exactly the requested text, across marks and paragraphs', () => {
    const root = render(TEXT, [{ id: 'h', start: 8, end: 16 }]);
    for (const [start, end] of [[0, 7], [8, 27], [17, 40], [30, 37]] as const) {
      const range = offsetsToRange(root, { start, end })!;
      expect(rangeToOffsets(root, range)).toEqual({ start, end });
      if (end < 28 || start >= 30) expect(range.toString()).toBe(TEXT.slice(start, end));
    }
  });

  it('answers null for empty or unrendered ranges', () => {
    const root = render(TEXT, []);
    expect(offsetsToRange(root, { start: 5, end: 5 })).toBeNull();
    expect(offsetsToRange(root, { start: 500, end: 600 })).toBeNull();
  });

  it('finds the segment holding an offset', () => {
    const root = render(TEXT, [{ id: 'h', start: 8, end: 16 }]);
    expect(segmentAt(root, 10)?.tagName).toBe('MARK');
    expect(segmentAt(root, 31)?.textContent).toBe('Erdoğan met Tokayev in Astana.');
    expect(segmentAt(root, 9999)).toBeNull();
  });
});
