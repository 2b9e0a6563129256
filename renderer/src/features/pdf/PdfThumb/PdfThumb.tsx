/** A page's thumbnail in the sidebar: drawn small when scrolled near, emptied when far, a click goes to the page. */
import { memo, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';
import { drawEnded, drawStarted, pageReleased } from '../lib/docCleanup';
import { yieldBetweenChunks } from '../lib/yieldChunks';
import { useInView } from './useInView';
import classes from './PdfThumb.module.css';

export const THUMB_WIDTH = 104;

interface PdfThumbProps {
  doc: PDFDocumentProxy | null;
  page: number;
  info: PdfPageInfo;
  current: boolean;
  onGo: (page: number) => void;
}

function PdfThumbImpl({ doc, page, info, current, onGo }: PdfThumbProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const near = useInView(ref);
  const [drawn, setDrawn] = useState(false);
  const height = Math.round((THUMB_WIDTH * info.height) / Math.max(1, info.width));

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    if (!near || !doc) {
      // Far away: its pixels go (a 300-page list keeps only the thumbnails near the visible ones).
      canvas.width = 0;
      canvas.height = 0;
      setDrawn(false);
      return;
    }
    let task: RenderTask | null = null;
    let cancelled = false;
    let proxy: PDFPageProxy | null = null;
    let drawing = false;
    const endDraw = () => {
      if (drawing) drawEnded(doc);
      drawing = false;
    };
    // Thumbnails wait a little: the pages in the main view come first.
    const timer = window.setTimeout(() => {
      drawing = true;
      drawStarted(doc);
      void doc.getPage(page).then((p) => {
        proxy = p;
        if (cancelled) return;
        const base = p.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = p.getViewport({ scale: (THUMB_WIDTH * ratio) / base.width });
        canvas.width = Math.max(1, Math.floor(viewport.width));
        canvas.height = Math.max(1, Math.floor(viewport.height));
        task = yieldBetweenChunks(p.render({ canvas, viewport }));
        return task.promise.then(() => !cancelled && setDrawn(true));
      }).catch(() => {}).finally(() => {
        endDraw();
        // The small drawing is on the canvas: the page's operator list and images need not stay (the main view
        // keeps its own while the page is near it).
        if (!cancelled) proxy?.cleanup();
      });
    }, 150);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      task?.cancel();
      if (proxy) {
        proxy.cleanup();
        pageReleased(doc);
      }
    };
  }, [near, doc, page]);

  return (
    <button
      ref={ref} type="button" className={classes.thumb} onClick={() => onGo(page)} data-testid="pdf-thumb" data-page={page}
      data-current={current || undefined} data-drawn={drawn || undefined} aria-label={`Page ${page}`} aria-current={current ? 'page' : undefined}
    >
      <span className={classes.paper} style={{ width: THUMB_WIDTH, height }}>
        <canvas ref={canvasRef} className={classes.canvas} />
      </span>
      <span className={classes.number}>{page}</span>
    </button>
  );
}

export const PdfThumb = memo(PdfThumbImpl);
