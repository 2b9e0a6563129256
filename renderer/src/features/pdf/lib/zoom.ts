/** Zoom of the page view: 100% is the printed size (96 CSS px per 72 pt, as pdf.js), steps, fit width, canvas resolution. */

export const CSS_PX_PER_POINT = 96 / 72;
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

/** Fit width (the default, follows the view's width) or a fixed zoom. */
export type ZoomSetting = { mode: 'fit' } | { mode: 'fixed'; zoom: number };

export const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** CSS px per PDF point at zoom `z`. */
export const scaleOfZoom = (z: number) => z * CSS_PX_PER_POINT;

/** The zoom at which the widest page fills `availablePx` (the view's width less its padding). */
export function fitWidthZoom(availablePx: number, widestPagePt: number): number {
  if (!(availablePx > 0) || !(widestPagePt > 0)) return 1;
  return clampZoom(availablePx / (widestPagePt * CSS_PX_PER_POINT));
}

/** The next step above `z` (a fit-width zoom between steps goes to the next one, never stays put). */
export function zoomIn(z: number): number {
  return ZOOM_STEPS.find((s) => s > z + 0.001) ?? MAX_ZOOM;
}

export function zoomOut(z: number): number {
  return [...ZOOM_STEPS].reverse().find((s) => s < z - 0.001) ?? MIN_ZOOM;
}

export const zoomLabel = (z: number) => `${Math.round(z * 100)}%`;

/** Canvas pixels per CSS px: the screen's devicePixelRatio, lowered so one page canvas stays under `maxPixels`. */
export function canvasPixelRatio(widthCss: number, heightCss: number, devicePixelRatio: number, maxPixels = 16_777_216): number {
  const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const area = widthCss * heightCss;
  if (area <= 0) return dpr;
  return Math.min(dpr, Math.sqrt(maxPixels / area));
}
