/** The document clean-up after many released pages: only when nothing draws, after a quiet moment, failures retried. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLEANUP_AFTER_RELEASES, CLEANUP_IDLE_MS, cleanupsOf, drawEnded, drawStarted, pageReleased, type CleanableDoc } from './docCleanup';

const fakeDoc = (result: () => Promise<void> = () => Promise.resolve()) => ({ cleanup: vi.fn(result) }) satisfies CleanableDoc;
const release = (doc: CleanableDoc, n: number) => {
  for (let i = 0; i < n; i++) pageReleased(doc);
};

describe('document clean-up after released pages', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once enough pages were released and the view was quiet for a moment, not before', () => {
    const doc = fakeDoc();
    release(doc, CLEANUP_AFTER_RELEASES - 1);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS * 5);
    expect(doc.cleanup).not.toHaveBeenCalled();
    pageReleased(doc);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS - 1);
    expect(doc.cleanup).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(doc.cleanup).toHaveBeenCalledTimes(1);
    expect(cleanupsOf(doc)).toBe(1);
    // The count starts again: the next clean-up waits for as many releases.
    release(doc, CLEANUP_AFTER_RELEASES - 1);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS * 5);
    expect(doc.cleanup).toHaveBeenCalledTimes(1);
  });

  it('never runs while a page is drawing (pdf.js throws then); runs after the last draw ends', () => {
    const doc = fakeDoc();
    drawStarted(doc);
    drawStarted(doc);
    release(doc, CLEANUP_AFTER_RELEASES * 2);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS * 5);
    drawEnded(doc);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS * 5);
    expect(doc.cleanup).not.toHaveBeenCalled();
    drawEnded(doc);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS);
    expect(doc.cleanup).toHaveBeenCalledTimes(1);
  });

  it('a draw starting during the quiet moment puts the clean-up off until it ends', () => {
    const doc = fakeDoc();
    release(doc, CLEANUP_AFTER_RELEASES);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS / 2);
    drawStarted(doc);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS * 5);
    expect(doc.cleanup).not.toHaveBeenCalled();
    drawEnded(doc);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS);
    expect(doc.cleanup).toHaveBeenCalledTimes(1);
  });

  it('a refused clean-up (a page began rendering) is swallowed and tried again at the next quiet moment', async () => {
    let refuse = true;
    const doc = fakeDoc(() => (refuse ? Promise.reject(new Error('startCleanup: Page 3 is currently rendering.')) : Promise.resolve()));
    release(doc, CLEANUP_AFTER_RELEASES);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS);
    await vi.runAllTicks();
    await Promise.resolve();
    expect(doc.cleanup).toHaveBeenCalledTimes(1);
    refuse = false;
    drawStarted(doc);
    drawEnded(doc);
    vi.advanceTimersByTime(CLEANUP_IDLE_MS);
    expect(doc.cleanup).toHaveBeenCalledTimes(2);
  });
});
