/** The first-run sample: imported durably through the journal, but not offered for undo; older seeded workspaces still open. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from './workbench';
import { importFile, listSources } from './sources';
import { historyState } from './history';
import { SAMPLE_FILE, seedIfEmpty } from './seed';
import { createTag } from './tags';
import { sampleArticle, tempDir, repoRoot } from '../../../tests/unit/helpers';

const SEEDS = path.join(repoRoot, 'seeds');

describe('seedIfEmpty', () => {
  it('a brand-new workspace gets the sample with nothing to undo, kept in the journal across a restart', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir);
    expect(await seedIfEmpty(wb, SEEDS)).toBe(true);
    expect(listSources(wb)).toHaveLength(1);
    expect(historyState(wb)).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    await wb.close();
    // Journaled (a durable change like any other), as a quiet entry.
    const journal = fs.readFileSync(path.join(dir, 'journal.log'), 'utf8');
    expect(journal).toContain('"quiet":true');

    const again = await Workbench.open(dir);
    expect(listSources(again)).toHaveLength(1);
    expect(historyState(again).canUndo).toBe(false);
    expect(await seedIfEmpty(again, SEEDS)).toBe(false);
    await again.close();
  });

  it("the user's first edit is then the only thing to undo, and undoing it keeps the sample", async () => {
    const wb = await Workbench.open(tempDir());
    await seedIfEmpty(wb, SEEDS);
    createTag(wb, { name: 'pledge', parentId: null });
    expect(historyState(wb)).toMatchObject({ canUndo: true, undoLabel: expect.stringContaining('pledge') });
    wb.step('undo');
    expect(historyState(wb).canUndo).toBe(false);
    expect(listSources(wb)).toHaveLength(1);
    await wb.close();
  });

  it('a workspace seeded by an older version (the import in its undo history) opens as it was and is not seeded again', async () => {
    const dir = tempDir();
    const old = await Workbench.open(dir);
    const r = await importFile(old, SAMPLE_FILE, sampleArticle());
    if (!r.ok) throw new Error(r.error.message);
    await old.close();

    const wb = await Workbench.open(dir);
    expect(listSources(wb)).toHaveLength(1);
    expect(historyState(wb).undoLabel).toMatch(/^Import/);
    expect(await seedIfEmpty(wb, SEEDS)).toBe(false);
    expect(listSources(wb)).toHaveLength(1);
    await wb.close();
  });
});
