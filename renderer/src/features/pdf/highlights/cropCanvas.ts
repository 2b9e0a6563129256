/** An area highlight's image: the page canvas under a rectangle, at the canvas's own (device-pixel) resolution, as PNG base64. */
import type { PdfRect } from '../../../../../shared/domain/pdf';
import { cropPixels } from '../../../../../shared/pdf/rects';

/** The crop, or null when there is no rendered canvas or it cannot be read (the highlight is then kept without image). */
export function cropCanvas(canvas: HTMLCanvasElement | null, rect: PdfRect): string | null {
  if (!canvas || canvas.width === 0 || canvas.height === 0) return null;
  const { sx, sy, sw, sh } = cropPixels(rect, canvas.width, canvas.height);
  try {
    const out = document.createElement('canvas');
    out.width = sw;
    out.height = sh;
    const ctx = out.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(canvas, sx, sy, sw, sh, 0, 0, sw, sh);
    const url = out.toDataURL('image/png');
    const comma = url.indexOf(',');
    return comma >= 0 ? url.slice(comma + 1) : null;
  } catch {
    return null;
  }
}
