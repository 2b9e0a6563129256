import { describe, expect, it, vi } from 'vitest';
import { menuHistoryStep } from './menuHistory';

/** Just enough of an element for isEditableTarget. */
const el = (editable: boolean) => ({ isContentEditable: false, closest: () => (editable ? {} : null) }) as unknown as Element;

describe('menu undo/redo', () => {
  it('undoes in the focused text field, and the workbench otherwise', () => {
    const steps = { inField: vi.fn(), workbench: vi.fn() };
    expect(menuHistoryStep('undo', el(true), steps)).toBe('field');
    expect(steps.inField).toHaveBeenCalledWith('undo');
    expect(menuHistoryStep('redo', el(false), steps)).toBe('workbench');
    expect(menuHistoryStep('undo', null, steps)).toBe('workbench');
    expect(steps.workbench.mock.calls).toEqual([['redo'], ['undo']]);
    expect(steps.inField).toHaveBeenCalledTimes(1);
  });
});
