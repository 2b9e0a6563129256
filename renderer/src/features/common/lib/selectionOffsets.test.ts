import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './paragraphs';
import { segmentParagraphs } from '../../reader/segments';
import { boundaryToOffset, rangeToOffsets } from './selectionOffsets';

/** Renders paragraphs the way ReaderParagraph does (spans and marks with data-offset) into a jsdom document. */
function render(text: string, ranges: { id: string; start: number; end: number }[]) {
  const { window } = new JSDOM('<!doctype html><body><h1 id="title">Title</h1><article id="root"></article></body>');
  const document = window.document;
  const root = document.getElementById('root')!;
  const paragraphs = splitParagraphs(text);
  segmentParagraphs(paragraphs, ranges).forEach((segments, i) => {
    const p = document.createElement('p');
    p.dataset.start = String(paragraphs[i]!.start);
    for (const s of segments) {
      const el = document.createElement(s.ids.length ? 'mark' : 'span');
      el.dataset.offset = String(s.start);
      el.textContent = text.slice(s.start, s.end);
      p.append(el);
    }
    const row = document.createElement('div');
    row.append(p);
    root.append(row);
  });
  /** The text node and in-node offset that hold full-text offset `at` (first one, for boundaries). */
  const locate = (at: number) => {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-offset]'))) {
      const start = Number(el.dataset.offset);
      const node = el.firstChild!;
      if (at >= start && at <= start + node.textContent!.length) return { node, offset: at - start };
    }
    throw new Error(`offset ${at} not rendered`);
  };
  const rangeOf = (start: number, end: number) => {
    const r = document.createRange();
    const a = locate(start);
    const b = locate(end);
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  };
  return { document, root, rangeOf };
}

const TEXT = 'Café au lait — naïve co\u0301operation.\n\nFamily: 👩‍👩‍👧 and flags 🇫🇷🇩🇪 end.\nLast line.';

describe('selection -> text offsets', () => {
  it('is exact for every start/end pair over emoji, ZWJ sequences and combining marks', () => {
    const { root, rangeOf } = render(TEXT, [{ id: 'a', start: 5, end: 20 }, { id: 'b', start: 10, end: 45 }]);
    const paragraphs = splitParagraphs(TEXT);
    const inside = paragraphs.flatMap((p) => Array.from({ length: p.end - p.start + 1 }, (_, k) => p.start + k));
    for (const start of inside) {
      for (const end of inside) {
        if (end <= start) continue;
        expect(rangeToOffsets(root, rangeOf(start, end))).toEqual({ start, end });
      }
    }
  });

  it('snaps element boundaries between paragraphs to the visible text (triple-click style)', () => {
    const { document, root } = render(TEXT, []);
    const [first, second] = Array.from(root.querySelectorAll('p'));
    const r = document.createRange();
    r.setStart(first!, 0);
    r.setEnd(second!, 0); // what a triple-click on the first paragraph produces
    const paragraphs = splitParagraphs(TEXT);
    expect(rangeToOffsets(root, r)).toEqual({ start: paragraphs[0]!.start, end: paragraphs[0]!.end });
  });

  it('clamps a selection that starts outside the text to its first character', () => {
    const { document, root, rangeOf } = render(TEXT, []);
    const r = rangeOf(0, 4);
    r.setStart(document.getElementById('title')!.firstChild!, 2);
    expect(rangeToOffsets(root, r)).toEqual({ start: 0, end: 4 });
  });

  it('maps element boundaries inside a segment to its edges, and ignores collapsed ranges', () => {
    const { document, root } = render(TEXT, [{ id: 'm', start: 5, end: 9 }]);
    const mark = root.querySelector('mark')!;
    expect(boundaryToOffset(root, mark, 0, 'start')).toBe(5);
    expect(boundaryToOffset(root, mark, 1, 'end')).toBe(9);
    const collapsed = document.createRange();
    collapsed.setStart(mark.firstChild!, 1);
    expect(rangeToOffsets(root, collapsed)).toBeNull();
  });
});
