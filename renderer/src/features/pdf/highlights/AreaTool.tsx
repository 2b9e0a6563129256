/** The area (rectangle) tool on one page: drag a rectangle, Escape cancels; the finished rectangle goes to `onDone` as page fractions. */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { PdfRect } from '../../../../../shared/domain/pdf';
import { rectBetween } from '../../../../../shared/pdf/rects';
import classes from './PdfHighlights.module.css';

/** Smaller than this many CSS pixels either way is a click, not a rectangle. */
const MIN_SIDE_PX = 6;

interface Drag {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function AreaTool({ page, onDone }: { page: number; onDone: (rect: PdfRect) => void }) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const surface = useRef<HTMLDivElement>(null);

  const at = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height };
  };

  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      setDrag(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dragging]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const p = at(e);
    setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const p = at(e);
    setDrag(null);
    const box = e.currentTarget.getBoundingClientRect();
    const rect = rectBetween(drag.x0, drag.y0, p.x, p.y);
    if (rect.w * box.width >= MIN_SIDE_PX && rect.h * box.height >= MIN_SIDE_PX) onDone(rect);
  };

  const shown = drag ? rectBetween(drag.x0, drag.y0, drag.x1, drag.y1) : null;
  return (
    <div
      ref={surface} className={classes.areaSurface} data-testid="pdf-area-surface" data-page={page}
      aria-label={`Draw an area highlight on page ${page}`}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
    >
      {shown && (
        <div
          className={classes.rubberBand} data-testid="pdf-area-band"
          style={{ left: `${shown.x * 100}%`, top: `${shown.y * 100}%`, width: `${shown.w * 100}%`, height: `${shown.h * 100}%` }}
        />
      )}
    </div>
  );
}
