/** One page in the page column: a paper-white box of the page's size, its drawing and text layer when near, and the page layer. */
import { memo, useRef, type CSSProperties } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';
import { PdfPageLayer } from '../PdfPageLayer/PdfPageLayer';
import { usePageRender } from './usePageRender';
import classes from './PdfPage.module.css';

export interface PdfPageProps {
  doc: PDFDocumentProxy | null;
  sourceId: string;
  /** 1-based. */
  page: number;
  info: PdfPageInfo;
  scale: number;
  top: number;
  widthPx: number;
  heightPx: number;
  want: boolean;
  keep: boolean;
}

function PdfPageImpl({ doc, sourceId, page, info, scale, top, widthPx, heightPx, want, keep }: PdfPageProps) {
  const holderRef = useRef<HTMLDivElement>(null);
  const rendered = usePageRender(doc, page, scale, want, keep, holderRef);
  // pdf.js's text layer sizes its spans from this variable, so a zoom moves them before the page is drawn again.
  const style = { top, width: widthPx, height: heightPx, '--scale-factor': scale, '--total-scale-factor': scale } as CSSProperties;
  return (
    <div
      className={classes.page} style={style} data-testid="pdf-page" data-page={page}
      data-rendered={rendered ? 'true' : 'false'} aria-label={`Page ${page}`} role="region"
    >
      <div ref={holderRef} className={classes.drawing} />
      {(want || keep) && (
        <PdfPageLayer
          sourceId={sourceId} page={page} info={info} scale={scale} widthPx={widthPx} heightPx={heightPx}
          textLayer={rendered?.textLayer ?? null} canvas={rendered?.canvas ?? null}
        />
      )}
    </div>
  );
}

/** Memoised: a scroll re-renders the column, and only pages entering or leaving the window change. */
export const PdfPage = memo(PdfPageImpl);
