/** Which failed reloads count as "removed by undo/redo" (reported quietly) and which are real errors. */
import { describe, expect, it } from 'vitest';
import { duringHistoryStep, goneByHistory } from './goneByHistory';

const notFound = { code: 'not_found', message: 'No dossier with id d1.' } as const;
const internal = { code: 'internal', message: 'disk full' } as const;

describe('goneByHistory', () => {
  it('reports a not_found outside undo/redo, and any other failure even during one', async () => {
    expect(goneByHistory('dossier:x', notFound)).toBe(false);
    await duringHistoryStep(async () => {
      expect(goneByHistory('dossier:y', internal)).toBe(false);
    });
  });

  it('keeps a record removed by an undo quiet afterwards, until the next step (a redo may bring it back)', async () => {
    await duringHistoryStep(async () => {
      expect(goneByHistory('dossier:d1', notFound)).toBe(true);
    });
    expect(goneByHistory('dossier:d1', notFound)).toBe(true);
    expect(goneByHistory('dossier:other', notFound)).toBe(false);
    await duringHistoryStep(async () => {});
    expect(goneByHistory('dossier:d1', notFound)).toBe(false);
  });
});
