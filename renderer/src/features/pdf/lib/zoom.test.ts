import { describe, expect, it } from 'vitest';
import { canvasPixelRatio, clampZoom, CSS_PX_PER_POINT, fitWidthZoom, MAX_ZOOM, MIN_ZOOM, scaleOfZoom, zoomIn, zoomLabel, zoomOut } from './zoom';

describe('zoom', () => {
  it('steps in and out through the steps, from a fit-width zoom between them too', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.17)).toBe(1.25);
    expect(zoomOut(1.17)).toBe(1.1);
    expect(zoomIn(MAX_ZOOM)).toBe(MAX_ZOOM);
    expect(zoomOut(MIN_ZOOM)).toBe(MIN_ZOOM);
  });

  it('fits the widest page to the available width, within the limits', () => {
    expect(fitWidthZoom(816, 612)).toBeCloseTo(1);
    expect(fitWidthZoom(408, 612)).toBeCloseTo(0.5);
    expect(fitWidthZoom(100_000, 612)).toBe(MAX_ZOOM);
    expect(fitWidthZoom(0, 612)).toBe(1);
    expect(clampZoom(0.01)).toBe(MIN_ZOOM);
  });

  it('shows a percentage and converts to CSS px per point', () => {
    expect(zoomLabel(1.254)).toBe('125%');
    expect(scaleOfZoom(1)).toBe(CSS_PX_PER_POINT);
  });

  it('renders at the device pixel ratio unless the canvas would be too large', () => {
    expect(canvasPixelRatio(816, 1056, 2)).toBe(2);
    const r = canvasPixelRatio(4000, 5000, 2, 16_000_000);
    expect(r).toBeLessThan(2);
    expect(4000 * r * 5000 * r).toBeLessThanOrEqual(16_000_001);
    expect(canvasPixelRatio(10, 10, 0)).toBe(1);
  });
});
