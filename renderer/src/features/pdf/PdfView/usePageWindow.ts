/**
 * Which pages are drawn, kept and most in view, followed once a frame while the column scrolls. Only a change of
 * those re-renders the view (a page entering or leaving the window, a new current page), not every scrolled pixel:
 * a 300-page column re-rendered per frame was most of the main thread's work while scrolling.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { viewWindow, sameViewWindow, type PageLayout, type ViewWindow } from '../lib/pageLayout';

const EMPTY: ViewWindow = { want: { first: 0, last: -1 }, keep: { first: 0, last: -1 }, currentPage: 1 };

/** `onScroll` runs on every read (once a frame while scrolling) with the scroll position: for refs, never for state. */
export function usePageWindow(
  ref: RefObject<HTMLDivElement | null>, layout: PageLayout, height: number, ready: boolean, onScroll: (top: number) => void,
): ViewWindow {
  const [win, setWin] = useState<ViewWindow>(EMPTY);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !ready) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      const top = el.scrollTop;
      onScroll(top);
      const next = viewWindow(layout, top, height);
      setWin((old) => (sameViewWindow(old, next) ? old : next));
    };
    read();
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    el.addEventListener('scroll', schedule, { passive: true });
    return () => {
      el.removeEventListener('scroll', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref, layout, height, ready, onScroll]);
  return ready ? win : EMPTY;
}
