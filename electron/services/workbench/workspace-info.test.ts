import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEAM_FILE } from '../team/sync-state';
import { workspaceInfoOf } from './workspace-info';

const state = { count: (c: string) => ({ sources: 2, highlights: 5, tags: 1 } as Record<string, number>)[c] ?? 0 };

describe('workspace.info', () => {
  it('counts and says whether the folder is linked to a team, asked again at each call', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-info-'));
    expect(workspaceInfoOf(dir, 3, state as never, true)).toEqual({
      path: dir, schemaVersion: 3, counts: { sources: 2, highlights: 5, tags: 1 }, seeded: true, team: false,
    });
    fs.writeFileSync(path.join(dir, TEAM_FILE), '{}');
    expect(workspaceInfoOf(dir, 3, state as never, false).team).toBe(true);
  });
});
