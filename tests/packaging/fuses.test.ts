/** Fuses: the afterPack hook flips them in a binary laid out like Electron's, and check-fuses reads them back. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without types
import afterPack from '../../scripts/after-pack.mjs';
import { fakeElectronBinary, wireOf } from './fake-electron';

const root = path.resolve(__dirname, '../..');
const checkFuses = (file: string) => spawnSync(process.execPath, [path.join(root, 'scripts/check-fuses.mjs'), file], { encoding: 'utf8' });

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuses-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('fuses', () => {
  it('check-fuses fails on the wire Electron ships, naming each wrong fuse', () => {
    const bin = path.join(dir, 'analyst-workbench');
    fakeElectronBinary(bin);
    const r = checkFuses(bin);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RunAsNode is on, want off');
    expect(r.stderr).toContain('OnlyLoadAppFromAsar is off, want on');
  });

  it('the afterPack hook flips exactly our six fuses in the Linux binary and check-fuses then passes', async () => {
    const bin = path.join(dir, 'analyst-workbench');
    fakeElectronBinary(bin);
    const before = fs.readFileSync(bin);
    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Analyst Workbench' }, executableName: 'analyst-workbench' } });
    // RunAsNode off, Cookie on, NodeOptions off, CliInspect off, AsarIntegrity on, OnlyAsar on; the last three untouched.
    expect(wireOf(bin)).toBe('010011011');
    const after = fs.readFileSync(bin);
    expect(after.length).toBe(before.length);
    expect([...after].filter((b, i) => b !== before[i]).length).toBe(6);
    const r = checkFuses(bin);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('EnableEmbeddedAsarIntegrityValidation: on');
  });

  it('the hook finds the Windows binary by product name, and refuses a file without a fuse wire', async () => {
    fakeElectronBinary(path.join(dir, 'Analyst Workbench.exe'));
    await afterPack({ appOutDir: dir, electronPlatformName: 'win32', arch: 1, packager: { appInfo: { productFilename: 'Analyst Workbench' }, executableName: 'x' } });
    expect(wireOf(path.join(dir, 'Analyst Workbench.exe'))).toBe('010011011');
    fs.writeFileSync(path.join(dir, 'plain'), 'no wire here');
    await expect(afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'P' }, executableName: 'plain' } })).rejects.toThrow(/sentinel/);
    expect(checkFuses(path.join(dir, 'plain')).status).toBe(1);
  });

  it('check-fuses explains its usage and a missing file', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/check-fuses.mjs')], { stdio: 'pipe' })).toThrow(/Usage/);
    expect(checkFuses(path.join(dir, 'nope')).stderr).toMatch(/does not exist/);
  });
});
