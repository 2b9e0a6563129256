/** A page's drawing continues from a new task after each chunk, not as a microtask of the chunk before. */
import { describe, expect, it, vi } from 'vitest';
import { yieldBetweenChunks } from './yieldChunks';

describe('yieldBetweenChunks', () => {
  it('runs the next chunk only after the current task (and its microtasks) ended', async () => {
    vi.useFakeTimers();
    try {
      const task = yieldBetweenChunks({ onContinue: null as unknown as (cont: () => void) => void });
      const next = vi.fn();
      (task.onContinue as (cont: () => void) => void)(next);
      await Promise.resolve();
      expect(next).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(next).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
