/** The page column's scroll position and size, read once a frame while it scrolls or resizes. */
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Viewport {
  top: number;
  height: number;
  /** clientWidth: the width pages can fill (no scrollbar). 0 until measured. */
  width: number;
}

export function useViewport(ref: RefObject<HTMLDivElement | null>): Viewport {
  const [vp, setVp] = useState<Viewport>({ top: 0, height: 0, width: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setVp((old) => (old.top === el.scrollTop && old.height === el.clientHeight && old.width === el.clientWidth
        ? old
        : { top: el.scrollTop, height: el.clientHeight, width: el.clientWidth }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);
  return vp;
}
