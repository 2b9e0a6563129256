/** Page-rectangle maths for the page view: client boxes to page fractions, merging a selection's boxes per line, crops, hit tests. */
import type { PdfRect } from '../domain/pdf';

/** A box in some pixel space (a DOMRect has these). */
export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));
/** Six decimals are 1/1000 of a point on an A0 page: plenty, and they keep stored records short. */
const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/** `box` as fractions of `page` (both in the same pixel space), clipped to the page; null when nothing of it is on the page. */
export function toPageFraction(box: PixelBox, page: PixelBox): PdfRect | null {
  if (page.width <= 0 || page.height <= 0) return null;
  const x0 = clamp01((box.left - page.left) / page.width);
  const y0 = clamp01((box.top - page.top) / page.height);
  const x1 = clamp01((box.left + box.width - page.left) / page.width);
  const y1 = clamp01((box.top + box.height - page.top) / page.height);
  if (x1 - x0 <= 0 || y1 - y0 <= 0) return null;
  return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

/** The rectangle between two points (fractions, any order), clipped to the page. */
export function rectBetween(ax: number, ay: number, bx: number, by: number): PdfRect {
  const x0 = clamp01(Math.min(ax, bx));
  const y0 = clamp01(Math.min(ay, by));
  const x1 = clamp01(Math.max(ax, bx));
  const y1 = clamp01(Math.max(ay, by));
  return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

const union = (a: PdfRect, b: PdfRect): PdfRect => {
  const x0 = Math.min(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const x1 = Math.max(a.x + a.w, b.x + b.w);
  const y1 = Math.max(a.y + a.h, b.y + b.h);
  return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
};

/** True when a and b share at least half of the shorter one's height: the same line of type. */
function sameLine(a: PdfRect, b: PdfRect): boolean {
  const overlap = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return overlap >= 0.5 * Math.min(a.h, b.h);
}

/**
 * A selection's boxes (one per span piece, often overlapping) merged into one rectangle per run of a line. Boxes on
 * one line join when the gap between them is at most about a line's height (a word space); a wider gap, such as the
 * gutter between two columns, keeps them apart. `aspect` is the page's height / width, since x and y fractions are
 * of different lengths.
 */
export function mergeLineRects(rects: readonly PdfRect[], aspect: number): PdfRect[] {
  const lines: PdfRect[][] = [];
  const byTop = [...rects].filter((r) => r.w > 0 && r.h > 0).sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2));
  for (const r of byTop) {
    const line = lines.find((l) => sameLine(l[0]!, r));
    if (line) line.push(r);
    else lines.push([r]);
  }
  const out: PdfRect[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let run = line[0]!;
    for (const r of line.slice(1)) {
      const gap = r.x - (run.x + run.w);
      if (gap <= Math.max(run.h, r.h) * aspect) run = union(run, r);
      else {
        out.push(run);
        run = r;
      }
    }
    out.push(run);
  }
  return out.sort((a, b) => a.y - b.y || a.x - b.x);
}

/** True when the point (fractions) lies inside the rectangle. */
export function rectContains(r: PdfRect, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}

/** The pixel region of a canvas `width` × `height` under `r`, in whole pixels and never empty. */
export function cropPixels(r: PdfRect, width: number, height: number): { sx: number; sy: number; sw: number; sh: number } {
  const sx = Math.min(width - 1, Math.max(0, Math.floor(r.x * width)));
  const sy = Math.min(height - 1, Math.max(0, Math.floor(r.y * height)));
  const sw = Math.max(1, Math.min(width - sx, Math.ceil((r.x + r.w) * width) - sx));
  const sh = Math.max(1, Math.min(height - sy, Math.ceil((r.y + r.h) * height) - sy));
  return { sx, sy, sw, sh };
}
