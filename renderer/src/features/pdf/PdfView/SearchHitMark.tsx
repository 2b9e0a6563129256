/** Marks the current search match on its page, through the alignment of the page's text layer with the stored text (shared/pdf). */
import { useEffect, useState, type RefObject } from 'react';
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';
import { PageTextMap } from '../../../../../shared/pdf/page-text-map';
import { layerSpans, pieceBoxes } from '../highlights/textLayerDom';
import type { SearchHit } from '../lib/docSearch';
import classes from './PdfView.module.css';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The match's boxes relative to the page column, or [] while its page is not drawn (or the text does not align). */
function hitBoxes(column: HTMLElement, text: string, info: PdfPageInfo, hit: SearchHit): Box[] {
  const layer = column.querySelector<HTMLElement>(`[data-page="${hit.page}"] .textLayer`);
  if (!layer) return [];
  const spans = layerSpans(layer);
  const map = new PageTextMap(spans.map((s) => s.textContent ?? ''), text.slice(info.start, info.end), info.start);
  const origin = column.getBoundingClientRect();
  return map.pieces(hit.start, hit.end).flatMap((p) => pieceBoxes(spans[p.span]!, p.start, p.end)).map((r) => ({
    left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height,
  }));
}

export function SearchHitMark({ columnRef, text, pages, hit, scale }: {
  columnRef: RefObject<HTMLDivElement | null>; text: string; pages: readonly PdfPageInfo[]; hit: SearchHit | null; scale: number;
}) {
  const [boxes, setBoxes] = useState<Box[]>([]);
  useEffect(() => {
    const column = columnRef.current;
    const info = hit ? pages[hit.page - 1] : undefined;
    if (!column || !hit || !info) return setBoxes([]);
    const page = column.querySelector(`[data-page="${hit.page}"]`);
    const measure = () => setBoxes(hitBoxes(column, text, info, hit));
    measure();
    // The page is drawn (or drawn again after a zoom) a moment later: measure again when its layer changes.
    const observer = new MutationObserver(measure);
    if (page) observer.observe(page, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
    return () => observer.disconnect();
  }, [columnRef, text, pages, hit, scale]);
  return (
    <>
      {boxes.map((b, i) => (
        <div key={i} className={classes.hit} style={b} data-testid="pdf-search-hit" />
      ))}
    </>
  );
}
