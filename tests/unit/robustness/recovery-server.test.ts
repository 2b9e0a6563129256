/** Browser mode on a damaged workspace: it still starts, serves recovery mode over HTTP, and a backup restored there reopens it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/services/store/workspace-store';
import { ensureBuilt, builtServer, root } from '../../robustness/build';
import { exited, runCli } from '../../robustness/child';
import { buildRichWorkspace } from '../../robustness/fixture';
import { tempDir } from '../helpers';

let server: ChildProcess | null = null;
beforeAll(ensureBuilt, 120_000);
afterAll(async () => {
  server?.kill('SIGTERM');
  if (server) await exited(server);
});

function start(dir: string): Promise<{ url: URL; stderr: () => string }> {
  server = spawn(process.execPath, [builtServer, '--workspace', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  server.stderr!.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    server!.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}${err}`)));
    server!.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) resolve({ url: new URL(line.trim()), stderr: () => err });
    });
  });
}

async function call(url: URL, method: string, body: unknown = {}): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(new URL(`/api/${method}`, url), {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-token': url.searchParams.get('token')! }, body: JSON.stringify(body),
  });
  return r.json() as never;
}

describe('browser mode in recovery', () => {
  it('serves recovery mode for a damaged workspace and reopens it after backups.restore', async () => {
    const dir = tempDir('wb-recovery-server-');
    await buildRichWorkspace(dir);
    await (await WorkspaceStore.open(dir)).close(); // the daily backup
    fs.writeFileSync(path.join(dir, 'snapshot.json'), '{"format":"analyst-workbench/snapshot","schemaVersion":1,"seq":');
    const { url, stderr } = await start(dir);
    expect(stderr()).toMatch(/starts in recovery mode/);

    const info = await call(url, 'workspace.info');
    expect(info.value.recovery).toMatchObject({ kind: 'damaged', canContinue: true });
    expect(info.value.recovery.quarantined[0].file).toBe('snapshot.json');
    const refused = await call(url, 'sources.list');
    expect(refused.error).toMatchObject({ code: 'storage_failed' });
    expect(refused.error!.message).toMatch(/cannot be used until it is recovered/);
    expect((await call(url, 'highlights.create', { sourceId: 'x', start: 0, end: 1 })).error?.code).toBe('storage_failed');

    const restored = await call(url, 'backups.restore', { id: info.value.recovery.recommendedBackupId });
    expect(restored.ok).toBe(true);
    expect((await call(url, 'workspace.info')).value.recovery).toBeUndefined();
    expect((await call(url, 'sources.list')).value).toHaveLength(2);
    expect((await call(url, 'workspace.doctor', { repair: false })).value.problems).toEqual([]);

    // The server holds the workspace: the command line may read, not restore.
    const cli = runCli(dir, ['--json', 'doctor']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(runCli(dir, ['backups', 'restore', info.value.recovery.recommendedBackupId]).stderr).toMatch(/open in another window or process \(browser mode/);
  });
});
