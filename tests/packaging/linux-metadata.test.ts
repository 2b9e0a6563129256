/** The Linux .desktop entry, AppStream metadata and AppArmor profile: valid, and in agreement with the app id and builder config. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import config, { DESKTOP_FILE, LINUX_EXECUTABLE, METAINFO_FILE, readDesktopEntry } from '../../electron-builder.config';
import { APP_ID, PRODUCT_NAME } from '../../electron/common/app-identity';

const linuxDir = path.resolve(__dirname, '../../resources/linux');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe('Linux desktop metadata', () => {
  const desktopFile = path.join(linuxDir, DESKTOP_FILE);
  const metainfoFile = path.join(linuxDir, METAINFO_FILE);

  it('the .desktop entry names the app, its binary, its icon and the window class Electron gives it', () => {
    const e = readDesktopEntry(desktopFile);
    expect(e).toMatchObject({ Type: 'Application', Name: PRODUCT_NAME, Icon: LINUX_EXECUTABLE, StartupWMClass: APP_ID, Terminal: 'false' });
    expect(e.Exec).toBe(`${LINUX_EXECUTABLE} %U`);
    expect(config.linux?.executableName).toBe(LINUX_EXECUTABLE);
    expect(config.extraMetadata?.desktopName).toBe(DESKTOP_FILE);
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(config.linux?.desktop?.entry).toMatchObject({ GenericName: e.GenericName, Keywords: e.Keywords });
    expect(config.linux?.category).toBe(e.Categories!.split(';')[0]);
  });

  it.runIf(has('desktop-file-validate'))('passes desktop-file-validate', () => {
    const out = execFileSync('desktop-file-validate', [desktopFile], { encoding: 'utf8' });
    expect(out).not.toMatch(/error/i);
  });

  it('the AppStream metainfo has the app id, launchable, name, summary, description and licence', () => {
    const xml = fs.readFileSync(metainfoFile, 'utf8');
    const c = new XMLParser({ ignoreAttributes: false }).parse(xml).component;
    expect(c['@_type']).toBe('desktop-application');
    expect(c.id).toBe(APP_ID);
    expect(c.launchable).toMatchObject({ '#text': DESKTOP_FILE, '@_type': 'desktop-id' });
    expect(c.name).toBe(PRODUCT_NAME);
    expect(c.metadata_license).toBe('CC0-1.0');
    expect(c.summary.length).toBeLessThan(80);
    expect(c.description.p.length).toBeGreaterThan(0);
    expect(c.provides.binary).toBe(LINUX_EXECUTABLE);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    expect(c.releases.release['@_version'], 'metainfo <release> must name the package version').toBe(pkg.version);
    // The deb installs it where software centres look.
    expect(config.deb?.fpm).toContain(`${metainfoFile}=/usr/share/metainfo/${METAINFO_FILE}`);
  });

  it.runIf(has('xmllint'))('is well-formed XML (xmllint)', () => {
    expect(spawnSync('xmllint', ['--noout', metainfoFile]).status).toBe(0);
  });

  it.runIf(has('appstreamcli'))('passes appstreamcli validate', () => {
    const r = spawnSync('appstreamcli', ['validate', '--no-net', metainfoFile], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('the deb ships an AppArmor profile granting userns to our binary only (Ubuntu 24.04 sandbox)', () => {
    expect(config.deb?.appArmorProfile).toBe('resources/linux/apparmor-profile');
    const profile = fs.readFileSync(path.join(linuxDir, 'apparmor-profile'), 'utf8');
    expect(profile).toMatch(/^abi <abi\/4\.0>,$/m);
    expect(profile).toContain('profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {');
    expect(profile).toMatch(/^\s+userns,$/m);
  });
});
