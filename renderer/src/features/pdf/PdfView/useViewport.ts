/** The page column's size (not its scroll position: scrolling must not re-render the view), read after a resize. */
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Viewport {
  height: number;
  /** clientWidth: the width pages can fill (no scrollbar). 0 until measured. */
  width: number;
}

export function useViewport(ref: RefObject<HTMLDivElement | null>): Viewport {
  const [vp, setVp] = useState<Viewport>({ height: 0, width: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setVp((old) => (old.height === el.clientHeight && old.width === el.clientWidth ? old : { height: el.clientHeight, width: el.clientWidth }));
    };
    read();
    const observer = new ResizeObserver(() => {
      if (!frame) frame = requestAnimationFrame(read);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);
  return vp;
}
