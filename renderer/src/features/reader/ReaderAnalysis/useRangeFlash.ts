/** Reveals a text range in the reader: brings it into view and flashes it, without adding marks to the text. */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { offsetsToRange, segmentAt } from '../offsetRange';
import type { TextRange } from '../../common/lib/selectionOffsets';
import './rangeFlash.css';

const FRAMES_TO_WAIT = 60;
const BLINK_MS = 350;
const BLINKS = 6;
/** After flashing, the range stays softly marked for a while so the eye can find it again. */
const LINGER_MS = 6000;

type Registry = { set(name: string, value: unknown): void; delete(name: string): void };
const registry = (): Registry | null => (globalThis.CSS && 'highlights' in CSS ? (CSS.highlights as unknown as Registry) : null);

/**
 * `ensureRendered(offset)` asks the (possibly virtualised) reader to render the paragraph holding `offset`;
 * the range is then looked up for a few frames until it is in the DOM.
 */
export function useRangeFlash(textRef: RefObject<HTMLElement | null>, ensureRendered: (offset: number) => void) {
  const timers = useRef<number[]>([]);
  const clear = useCallback(() => {
    for (const t of timers.current) window.clearTimeout(t);
    timers.current = [];
    registry()?.delete('reader-flash');
    registry()?.delete('reader-range');
    textRef.current?.removeAttribute('data-flash-range');
  }, [textRef]);
  useEffect(() => clear, [clear]);

  return useCallback((range: TextRange) => {
    clear();
    ensureRendered(range.start);
    const attempt = (framesLeft: number) => {
      const root = textRef.current;
      const domRange = root ? offsetsToRange(root, range) : null;
      if (!root || !domRange) {
        if (framesLeft > 0) requestAnimationFrame(() => attempt(framesLeft - 1));
        return;
      }
      segmentAt(root, range.start)?.scrollIntoView({ block: 'center', behavior: 'auto' });
      root.setAttribute('data-flash-range', `${range.start}-${range.end}`);
      const hl = registry();
      if (!hl) return;
      const HighlightCtor = (globalThis as unknown as { Highlight: new (r: Range) => unknown }).Highlight;
      const mark = new HighlightCtor(domRange);
      for (let i = 0; i < BLINKS; i++) {
        timers.current.push(window.setTimeout(() => (i % 2 === 0 ? hl.set('reader-flash', mark) : hl.delete('reader-flash')), i * BLINK_MS));
      }
      timers.current.push(window.setTimeout(() => hl.set('reader-range', mark), BLINKS * BLINK_MS));
      timers.current.push(window.setTimeout(clear, BLINKS * BLINK_MS + LINGER_MS));
    };
    attempt(FRAMES_TO_WAIT);
  }, [clear, ensureRendered, textRef]);
}
