/** The updater's rules with a fake electron-updater and fake dialogs: opt-in, asks before download and install, notes shown. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import { createUpdater, readAutomaticChecks, releaseNotesText, type AskOptions, type UpdaterLike } from './updater';

// Compile-time: the real electron-updater object fits the injected interface (npm run typecheck fails otherwise).
export const realUpdaterFits: (real: AppUpdater) => UpdaterLike = (real) => real;

let dir: string;
let settingsFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'updater-'));
  settingsFile = path.join(dir, 'userData', 'updates.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function fakeUpdater(available: boolean, notes: string | null = '<h2>Fixes</h2><ul><li>Search &amp; filters</li></ul>') {
  const calls: string[] = [];
  const u: UpdaterLike = {
    autoDownload: true, autoInstallOnAppQuit: true, allowPrerelease: true, allowDowngrade: true,
    checkForUpdates: async () => { calls.push('check'); return { isUpdateAvailable: available, updateInfo: { version: '0.2.0', releaseNotes: notes } }; },
    downloadUpdate: async () => { calls.push('download'); return []; },
    quitAndInstall: (silent, runAfter) => { calls.push(`install silent=${silent} runAfter=${runAfter}`); },
  };
  return { u, calls };
}

/** Answers each dialog in turn with the given button index (and checkbox), recording what was shown. */
function answers(...replies: Array<{ response: number; checkboxChecked?: boolean }>) {
  const shown: AskOptions[] = [];
  const ask = async (o: AskOptions) => { shown.push(o); return replies.shift() ?? { response: o.cancelId }; };
  return { ask, shown };
}

describe('updater', () => {
  it('does nothing at all when the app is not packaged: no updater created, no dialog, no check', async () => {
    let created = 0;
    const { ask, shown } = answers();
    const updates = createUpdater({ isPackaged: false, currentVersion: '0.1.0', settingsFile, updater: () => { created++; return fakeUpdater(true).u; }, ask });
    expect(await updates.checkNow()).toBe('not-packaged');
    expect(await updates.checkOnStartup()).toBe('not-packaged');
    expect(created).toBe(0);
    expect(shown).toHaveLength(0);
  });

  it('is opt-in: the start-up check does not touch the network until automatic checks are turned on', async () => {
    const { u, calls } = fakeUpdater(true);
    const { ask } = answers({ response: 1 });
    const updates = createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => u, ask });
    expect(updates.automaticChecks()).toBe(false);
    expect(await updates.checkOnStartup()).toBe('automatic-checks-off');
    expect(calls).toEqual([]);
    updates.setAutomaticChecks(true);
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).toEqual({ automaticChecks: true });
    expect(await updates.checkOnStartup()).toBe('declined-download');
    expect(calls).toEqual(['check']);
  });

  it('never downloads or installs silently: both flags off, and it asks before downloading and before installing', async () => {
    const { u, calls } = fakeUpdater(true);
    const { ask, shown } = answers({ response: 0 }, { response: 0 });
    const updates = createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => u, ask });
    expect(await updates.checkNow()).toBe('installing');
    expect(u.autoDownload).toBe(false);
    expect(u.autoInstallOnAppQuit).toBe(false);
    expect(u.allowDowngrade).toBe(false);
    expect(calls).toEqual(['check', 'download', 'install silent=false runAfter=true']);
    expect(shown.map((s) => s.buttons[0])).toEqual(['Download', 'Restart and install']);
  });

  it('declining the download downloads nothing; declining the install installs nothing', async () => {
    const first = fakeUpdater(true);
    const no = answers({ response: 1 });
    expect(await createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => first.u, ask: no.ask }).checkNow()).toBe('declined-download');
    expect(first.calls).toEqual(['check']);
    const second = fakeUpdater(true);
    const later = answers({ response: 0 }, { response: 1 });
    expect(await createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => second.u, ask: later.ask }).checkNow()).toBe('declined-install');
    expect(second.calls).toEqual(['check', 'download']);
  });

  it('shows the release notes as plain text in the offer', async () => {
    const { u } = fakeUpdater(true, '<p>Faster <b>search</b> &amp; a new <i>graph</i> view.</p><ul><li>Fix one</li><li>Fix two</li></ul>');
    const { ask, shown } = answers({ response: 1 });
    await createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => u, ask }).checkNow();
    expect(shown[0]!.message).toContain('0.2.0');
    expect(shown[0]!.detail).toContain('You have version 0.1.0');
    expect(shown[0]!.detail).toContain('Faster search & a new graph view.\n• Fix one\n• Fix two');
    expect(shown[0]!.detail).not.toMatch(/<[a-z]/);
  });

  it('a manual check offers to turn automatic checks on, and stores the choice only when ticked', async () => {
    const { u } = fakeUpdater(false);
    const unticked = answers({ response: 0, checkboxChecked: false });
    const updates = createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => u, ask: unticked.ask });
    expect(await updates.checkNow()).toBe('up-to-date');
    expect(unticked.shown[0]!.checkboxLabel).toMatch(/automatically/);
    expect(fs.existsSync(settingsFile)).toBe(false);
    const ticked = answers({ response: 0, checkboxChecked: true });
    await createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => u, ask: ticked.ask }).checkNow();
    expect(readAutomaticChecks(settingsFile)).toBe(true);
  });

  it('a failed manual check says why; a failed start-up check stays quiet', async () => {
    const u: UpdaterLike = { ...fakeUpdater(true).u, checkForUpdates: async () => { throw new Error('net::ERR_INTERNET_DISCONNECTED'); } };
    const manual = answers();
    expect(await createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => u, ask: manual.ask }).checkNow()).toBe('failed');
    expect(manual.shown[0]).toMatchObject({ type: 'error', detail: 'net::ERR_INTERNET_DISCONNECTED' });
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ automaticChecks: true }));
    const quiet = answers();
    const logged: string[] = [];
    expect(await createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => u, ask: quiet.ask, log: (m) => logged.push(m) }).checkOnStartup()).toBe('failed');
    expect(quiet.shown).toHaveLength(0);
    expect(logged[0]).toMatch(/ERR_INTERNET_DISCONNECTED/);
  });

  it('a damaged settings file counts as off and is not overwritten by a check', async () => {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, '{ not json');
    const { u, calls } = fakeUpdater(true);
    expect(await createUpdater({ isPackaged: true, currentVersion: '0.1.0', settingsFile, updater: () => u, ask: answers().ask }).checkOnStartup()).toBe('automatic-checks-off');
    expect(calls).toEqual([]);
    expect(fs.readFileSync(settingsFile, 'utf8')).toBe('{ not json');
  });

  it('release notes: a changelog list is joined by version and long notes are cut', () => {
    expect(releaseNotesText([{ version: '0.2.0', note: '<p>A</p>' }, { version: '0.1.1', note: null }])).toBe('0.2.0\nA\n\n0.1.1');
    const long = releaseNotesText(`<p>${'x'.repeat(5000)}</p>`);
    expect(long.length).toBe(1501);
    expect(long.endsWith('…')).toBe(true);
    expect(releaseNotesText(null)).toBe('');
  });
});
