/** The notification after a re-import gave a text-only PDF source its pages. */
import { describe, expect, it } from 'vitest';
import { upgradeMessage } from './upgradeMessage';

describe('upgradeMessage', () => {
  it('names the source, the highlights carried and the orphans', () => {
    expect(upgradeMessage('Harbour report', 1, 0)).toBe('Gave “Harbour report” its pages; 1 highlight carried, 0 orphaned.');
    expect(upgradeMessage('Harbour report', 3, 2)).toBe('Gave “Harbour report” its pages; 3 highlights carried, 2 orphaned (listed in the reader’s side panel).');
    expect(upgradeMessage('', 0, 0)).toBe('Gave “Untitled” its pages; 0 highlights carried, 0 orphaned.');
  });
});
