/** Tests: creating highlights in the source being read does not re-read and re-hash its text each time (create p95, issue 14). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Workbench } from './workbench';
import { createHighlight } from './highlights';
import { putTextSource } from '../../../tests/support/large-sources';
import { tempDir } from '../../../tests/unit/helpers';

afterEach(() => vi.restoreAllMocks());

describe('highlight create cost', () => {
  it('keeps the text of a source highlighted often cached while many other sources are highlighted in between', async () => {
    const wb = await Workbench.open(tempDir());
    try {
      const text = (i: number) => `Source number ${i}. ${'Plain words of a passage. '.repeat(20)}`;
      const reading = putTextSource(wb, `The source being read. ${'A long text the analyst highlights again and again. '.repeat(200)}`, 'Reading');
      const others = Array.from({ length: 40 }, (_, i) => putTextSource(wb, text(i), `Other ${i}`));
      wb.store.texts.forget();
      const create = (sourceId: string) => {
        const r = createHighlight(wb, { sourceId, start: 0, end: 10, color: 'yellow', tagIds: [], note: '' });
        if (!r.ok) throw new Error(r.error.message);
      };
      const readingFile = path.join(wb.store.texts.folder, `${reading.contentHash}.txt`);
      const read = vi.spyOn(fs, 'readFileSync');
      // The pattern of the bench and of an analyst with a few tabs: the read source every few edits, others between.
      for (let round = 0; round < others.length / 4; round++) {
        create(reading.id);
        for (const other of others.slice(round * 4, round * 4 + 4)) create(other.id);
      }
      const readsOfReading = read.mock.calls.filter(([file]) => file === readingFile).length;
      expect(readsOfReading).toBe(1);
    } finally {
      await wb.close();
    }
  });
});
