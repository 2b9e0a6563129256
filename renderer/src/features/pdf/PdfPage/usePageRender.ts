/** Draws one page (canvas at the screen's pixel ratio + pdf.js text layer) while it is wanted; frees it when it is far away. */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PDFDocumentProxy, PDFPageProxy, RenderTask, TextLayer as PdfTextLayer } from 'pdfjs-dist';
import { drawEnded, drawStarted, pageReleased } from '../lib/docCleanup';
import { yieldBetweenChunks } from '../lib/yieldChunks';
import { canvasPixelRatio } from '../lib/zoom';
import { loadPdfjs } from '../pdfjs';

/** Pages passing by in a fast scroll are never started: a page must stay wanted this long first. */
const START_DELAY_MS = 40;

export interface RenderedPage {
  /** The scale it was drawn at (a zoom since then stretches it until it is drawn again). */
  scale: number;
  canvas: HTMLCanvasElement;
  textLayer: HTMLDivElement;
}

const isCancel = (e: unknown) => e instanceof Error && (e.name === 'RenderingCancelledException' || e.name === 'AbortException');

/**
 * `want`: in or near the viewport, draw it (again, if the zoom changed). `keep`: otherwise leave a drawn page as it
 * is; once neither, its canvas is emptied and pdf.js's per-page data dropped, so memory follows the window, not the
 * document. Drawing happens off-screen and is swapped in whole, so a re-zoom never shows a blank page.
 */
export function usePageRender(
  doc: PDFDocumentProxy | null, pageNumber: number, scale: number, want: boolean, keep: boolean,
  holderRef: RefObject<HTMLDivElement | null>,
): RenderedPage | null {
  const [rendered, setRendered] = useState<RenderedPage | null>(null);
  const pageRef = useRef<PDFPageProxy | null>(null);
  const renderedScale = rendered?.scale ?? null;

  useEffect(() => {
    if (!doc || !want || renderedScale === scale) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    let textLayer: PdfTextLayer | null = null;
    const timer = window.setTimeout(() => void (async () => {
      // While this draws, the document is not cleaned up (pdf.js refuses with a page rendering).
      drawStarted(doc);
      try {
        const [pdfjs, page] = await Promise.all([loadPdfjs(), doc.getPage(pageNumber)]);
        if (cancelled) return;
        pageRef.current = page;
        const viewport = page.getViewport({ scale });
        const ratio = canvasPixelRatio(viewport.width, viewport.height, window.devicePixelRatio);
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
        canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
        task = yieldBetweenChunks(page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }));
        await task.promise;
        if (cancelled) return;
        const div = document.createElement('div');
        div.className = 'textLayer';
        // The import read the text with getTextContent's defaults: the same items here, so spans align with the text.
        textLayer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: div, viewport });
        await textLayer.render();
        if (cancelled) return;
        // As pdf.js's viewer: a block past the last span keeps a drag-selection from jumping to the page's start.
        const end = document.createElement('div');
        end.className = 'endOfContent';
        div.append(end);
        setRendered({ scale, canvas, textLayer: div });
      } catch (e) {
        if (!cancelled && !isCancel(e)) console.warn(`page ${pageNumber} could not be drawn`, e);
      } finally {
        drawEnded(doc);
      }
    })(), START_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      task?.cancel();
      textLayer?.cancel();
    };
  }, [doc, pageNumber, scale, want, renderedScale]);

  // Far away: free the canvas (width 0 releases its backing store at once) and the page's parsed data.
  useEffect(() => {
    if (keep || want || !rendered) return;
    rendered.canvas.width = 0;
    rendered.canvas.height = 0;
    pageRef.current?.cleanup();
    pageRef.current = null;
    if (doc) pageReleased(doc);
    setRendered(null);
  }, [keep, want, rendered, doc]);

  // Put the drawn canvas and text layer in the page (replacing the previous ones).
  useEffect(() => {
    const holder = holderRef.current;
    if (!holder) return;
    if (rendered) holder.replaceChildren(rendered.canvas, rendered.textLayer);
    else holder.replaceChildren();
  }, [rendered, holderRef]);

  // Leaving (the document closed or the view gone): free the last drawing.
  useEffect(() => () => {
    pageRef.current?.cleanup();
  }, []);
  // A newer drawing replaced this one (or the page unmounted): free its canvas.
  useEffect(() => () => {
    if (rendered) rendered.canvas.width = 0;
  }, [rendered]);

  return rendered;
}
