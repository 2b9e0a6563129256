/** One writer: while one process writes, a second is refused with a clear message, reads still work, and no update is lost. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../electron/services/workbench/workbench';
import { spawn } from 'node:child_process';
import { builtCrashWriter, ensureBuilt, root } from '../../robustness/build';
import { exited, runCli, sleep, waitForLine } from '../../robustness/child';
import { checkAcks, readAcks } from '../../robustness/acks';
import { repoRoot, tempDir } from '../helpers';

beforeAll(ensureBuilt, 120_000);

describe('one writer per workspace (two processes)', () => {
  it('refuses a second writer while the first holds the workspace, then lets it in; nothing is lost', async () => {
    const dir = tempDir('wb-two-');
    const sample = path.join(repoRoot, 'seeds/sample-article.txt');
    const created = runCli(dir, ['--json', 'backups', 'create']);
    expect(created.code, created.stderr).toBe(0);
    const backupId = JSON.parse(created.stdout).id as string;

    const ackFile = path.join(tempDir('wb-acks-'), 'acks.log');
    const writer = spawn(process.execPath, [builtCrashWriter, '--workspace', dir, '--ack-file', ackFile, '--seed', '5', '--pace-ms', '2'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(await waitForLine(writer, 'ready')).toBe(true);
    await sleep(150);

    const refusals = [['import', sample], ['doctor', '--repair'], ['backups', 'restore', backupId], ['backups', 'create']];
    for (const args of refusals) {
      const r = runCli(dir, args);
      expect(r.code, args.join(' ')).toBe(4); // EXIT.locked
      expect(r.stderr, args.join(' ')).toMatch(/open in another window or process \(crash writer, pid \d+/);
    }
    const listing = runCli(dir, ['--json', 'sources']); // reads need no lock
    expect(listing.code).toBe(0);
    expect(JSON.parse(listing.stdout)).toHaveLength(1);

    writer.kill('SIGKILL');
    await exited(writer);
    const imported = runCli(dir, ['--json', 'import', sample]);
    expect(imported.code, imported.stderr).toBe(0);

    const wb = await Workbench.open(dir, { readOnly: true });
    const acks = readAcks(ackFile);
    expect(acks.length).toBeGreaterThan(10);
    expect(checkAcks(wb.state, acks).lost).toEqual([]);
    expect(wb.state.all('sources').map((s) => s.meta.title)).toContain(JSON.parse(imported.stdout)[0].source.meta.title);
    expect(wb.state.count('sources')).toBe(2);
    await wb.close();
    console.log(`one writer: ${refusals.length} refused commands while ${acks.length} writes were acknowledged; none lost`);
  });
});
