/**
 * The page layers now mounted, each with its text map, so a selection that starts on one page and ends on another
 * can take its end offset from the other page's map (a layer only knows its own page).
 */
import type { PageTextMap } from '../../../../../shared/pdf/page-text-map';

/** A page's map from layer points to source offsets and back: pdf.js's aligned text, or a scanned page's OCR words. */
export type PageMap = Pick<PageTextMap, 'spans' | 'sourceOffset' | 'pieces'>;

export interface MountedPage {
  page: number;
  textLayer: HTMLElement;
  spans: HTMLElement[];
  spanIndex: Map<Element, number>;
  map: PageMap;
}

const mounted = new Map<string, MountedPage>();
const keyOf = (sourceId: string, page: number) => `${sourceId}\u0000${page}`;

export function registerPage(sourceId: string, entry: MountedPage): () => void {
  const key = keyOf(sourceId, entry.page);
  mounted.set(key, entry);
  return () => {
    if (mounted.get(key) === entry) mounted.delete(key);
  };
}

/** The mounted pages of a source that a DOM range touches, in page order. */
export function pagesTouched(sourceId: string, range: Range): MountedPage[] {
  const prefix = `${sourceId}\u0000`;
  return [...mounted.entries()]
    .filter(([k, e]) => k.startsWith(prefix) && e.textLayer.isConnected && range.intersectsNode(e.textLayer))
    .map(([, e]) => e)
    .sort((a, b) => a.page - b.page);
}
