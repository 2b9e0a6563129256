/** One workspace for every host: the desktop app, the CLI and browser mode resolve the same default folder. */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { desktopWorkspaceDir } from './workspace-arg';
import { RECENT_FILE } from './workspaces/recent';
import { builtCli, builtServer, ensureBuilt, root } from '../../tests/robustness/build';
import { tempDir } from '../../tests/unit/helpers';

const saved = { HOME: process.env.HOME, XDG: process.env.XDG_CONFIG_HOME, WS: process.env.WORKBENCH_WORKSPACE };
afterEach(() => {
  process.env.HOME = saved.HOME;
  if (saved.XDG === undefined) delete process.env.XDG_CONFIG_HOME; else process.env.XDG_CONFIG_HOME = saved.XDG;
  if (saved.WS === undefined) delete process.env.WORKBENCH_WORKSPACE; else process.env.WORKBENCH_WORKSPACE = saved.WS;
});
beforeAll(() => ensureBuilt(), 180_000);

/** A home of its own, so "the default" is a folder this test owns. */
function freshHome(): NodeJS.ProcessEnv {
  const home = tempDir('wb-home-');
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, APPDATA: path.join(home, 'AppData', 'Roaming') };
  delete env.XDG_CONFIG_HOME;
  delete env.WORKBENCH_WORKSPACE;
  return env;
}

describe.runIf(process.platform !== 'win32')('the default workspace', () => {
  it('is the same folder for the desktop app, the CLI and browser mode', async () => {
    const env = freshHome();
    process.env.HOME = env.HOME;
    delete process.env.XDG_CONFIG_HOME;
    delete process.env.WORKBENCH_WORKSPACE;
    const desktop = desktopWorkspaceDir(['/opt/app/analyst-workbench', '--no-sandbox', '--enable-logging']);
    // Only the desktop app remembers: a recent list naming another existing folder must not move the CLI or server.
    const userData = path.join(env.HOME!, '.config', 'Analyst Workbench');
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, RECENT_FILE), JSON.stringify({
      format: 'analyst-workbench/recent-workspaces', entries: [{ dir: tempDir('wb-elsewhere-'), openedAt: new Date().toISOString() }],
    }));

    // The CLI names the folder it looked in (read-only: it creates nothing).
    const cli = spawnSync(process.execPath, [builtCli, 'sources'], { cwd: root, env, encoding: 'utf8' });
    const cliDir = /No workspace at (.*?)\.?$/m.exec(cli.stderr)?.[1];

    // Browser mode prints the folder it opened.
    const server = spawn(process.execPath, [builtServer], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const serverDir = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no Workspace line: ${out}`)), 30_000);
      server.stdout!.on('data', (d) => {
        out += d;
        const m = /^Workspace: (.*?)( \(|$)/m.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
    });
    server.kill('SIGTERM');

    expect(desktop).toBe(path.join(env.HOME!, '.config', 'Analyst Workbench', 'workspace'));
    expect(cliDir).toBe(desktop);
    expect(serverDir).toBe(desktop);
    expect(fs.existsSync(desktop)).toBe(true); // browser mode created it
  });

  it('and Electron\'s own user-data folder agrees: package.json names the product "Analyst Workbench"', () => {
    // Electron derives app.getPath('userData') from productName (else the package name, "analyst-workbench").
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName?: string };
    expect(pkg.productName).toBe('Analyst Workbench');
    expect(path.basename(path.dirname(desktopWorkspaceDir([])))).toBe(pkg.productName);
  });

  it('takes --workspace DIR or --workspace=DIR among Electron\'s own switches, else $WORKBENCH_WORKSPACE', () => {
    expect(desktopWorkspaceDir(['app', '--enable-logging', '--workspace', '/w/one'])).toBe('/w/one');
    expect(desktopWorkspaceDir(['app', '--workspace=/w/two', '--no-sandbox'])).toBe('/w/two');
    process.env.WORKBENCH_WORKSPACE = '/w/env';
    expect(desktopWorkspaceDir(['app'])).toBe('/w/env');
  });

  it('the desktop app reopens the most recent workspace that still exists when none is named', () => {
    delete process.env.WORKBENCH_WORKSPACE;
    const gone = path.join(tempDir('wb-gone-'), 'unplugged');
    const [b, a] = [tempDir('wb-b-'), tempDir('wb-a-')];
    expect(desktopWorkspaceDir(['app', '--no-sandbox'], { recent: [gone, b, a] })).toBe(b);
    // Nothing remembered, or nothing left of it: the default.
    expect(desktopWorkspaceDir(['app'], { recent: [] })).toBe(desktopWorkspaceDir(['app']));
    expect(desktopWorkspaceDir(['app'], { recent: [gone] })).toBe(desktopWorkspaceDir(['app']));
  });

  it('an explicit --workspace or $WORKBENCH_WORKSPACE wins over the remembered one', () => {
    const remembered = { recent: ['/w/last'], isDir: () => true };
    expect(desktopWorkspaceDir(['app', '--workspace', '/w/one'], remembered)).toBe('/w/one');
    expect(desktopWorkspaceDir(['app', '--workspace=/w/two'], remembered)).toBe('/w/two');
    process.env.WORKBENCH_WORKSPACE = '/w/env';
    expect(desktopWorkspaceDir(['app'], remembered)).toBe('/w/env');
    delete process.env.WORKBENCH_WORKSPACE;
    expect(desktopWorkspaceDir(['app'], remembered)).toBe('/w/last');
  });
});
