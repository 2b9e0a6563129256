/** One IntersectionObserver shared by all thumbnails of a list (300 pages, one observer), telling each when it is near. */
import { createContext, useContext, useEffect, useMemo, useState, type RefObject } from 'react';

type Watch = (el: Element, onChange: (near: boolean) => void) => () => void;

export const InViewContext = createContext<Watch | null>(null);

/** Made by the list: thumbnails within `margin` px of its visible part count as near. */
export function useInViewRoot(rootRef: RefObject<HTMLElement | null>, margin: number): Watch {
  const [callbacks] = useState(() => new Map<Element, (near: boolean) => void>());
  const [observer, setObserver] = useState<IntersectionObserver | null>(null);
  useEffect(() => {
    const o = new IntersectionObserver((entries) => {
      for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
    }, { root: rootRef.current, rootMargin: `${margin}px 0px` });
    for (const el of callbacks.keys()) o.observe(el);
    setObserver(o);
    return () => o.disconnect();
  }, [rootRef, margin, callbacks]);
  return useMemo<Watch>(() => (el, onChange) => {
    callbacks.set(el, onChange);
    observer?.observe(el);
    return () => {
      callbacks.delete(el);
      observer?.unobserve(el);
    };
  }, [observer, callbacks]);
}

/** Whether the element in `ref` is near its list's visible part. */
export function useInView(ref: RefObject<Element | null>): boolean {
  const watch = useContext(InViewContext);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!watch || !el) return;
    return watch(el, setNear);
  }, [watch, ref]);
  return near;
}
