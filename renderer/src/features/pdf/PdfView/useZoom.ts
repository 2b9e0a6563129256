/** The page view's zoom (fit width by default) and the page layout at that zoom, keeping the place when it changes. */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';
import { layoutPages, pageIndexAt, PAGE_GAP, scrollTopFor, type PageLayout } from '../lib/pageLayout';
import { clampZoom, fitWidthZoom, scaleOfZoom, zoomIn, zoomOut, type ZoomSetting } from '../lib/zoom';

/** Room left of and right of the pages at fit width. */
const SIDE_PADDING = 16;

export interface ZoomState {
  zoom: number;
  scale: number;
  layout: PageLayout;
  setting: ZoomSetting;
  setSetting(s: ZoomSetting): void;
  zoomBy(step: 1 | -1): void;
}

export function useZoom(pages: readonly PdfPageInfo[], width: number, scrollRef: RefObject<HTMLDivElement | null>): ZoomState {
  const [setting, setSetting] = useState<ZoomSetting>({ mode: 'fit' });
  const widest = useMemo(() => pages.reduce((m, p) => Math.max(m, p.width), 0), [pages]);
  const zoom = setting.mode === 'fit' ? fitWidthZoom(width - 2 * SIDE_PADDING, widest) : setting.zoom;
  const scale = scaleOfZoom(zoom);
  const layout = useMemo(() => layoutPages(pages, scale), [pages, scale]);

  // The same place stays at the top of the view across a zoom (the page and how far down it).
  const previous = useRef<PageLayout | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const old = previous.current;
    previous.current = layout;
    if (!el || !old || old === layout || old.tops.length === 0) return;
    const y = el.scrollTop + PAGE_GAP;
    const i = pageIndexAt(old, y);
    el.scrollTop = scrollTopFor(layout, i + 1, (y - old.tops[i]!) / old.heights[i]!);
  }, [layout, scrollRef]);

  const zoomBy = (step: 1 | -1) => setSetting({ mode: 'fixed', zoom: clampZoom(step > 0 ? zoomIn(zoom) : zoomOut(zoom)) });
  return { zoom, scale, layout, setting, setSetting, zoomBy };
}
