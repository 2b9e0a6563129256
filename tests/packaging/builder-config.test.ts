/** electron-builder.config.ts: valid against electron-builder's own JSON schema, and says what the release needs. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import config, { OCR_UNPACKED, hasNotarisationCredentials } from '../../electron-builder.config';
import { APP_ID, PRODUCT_NAME } from '../../electron/common/app-identity';
import { appPaths } from '../../electron/main/app-paths';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const schema = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json'), 'utf8'));

/** As electron-builder validates (strict off: the schema uses its own `typeof` keyword), but without type coercion. */
function validate(value: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const ok = ajv.validate(schema, value);
  return ok ? [] : (ajv.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('electron-builder configuration', () => {
  it('validates against app-builder-lib/scheme.json', () => {
    expect(validate(config)).toEqual([]);
  });

  it('the schema check is real: a misspelt key and a wrong type are refused', () => {
    expect(validate({ ...config, appID: 'x' }).join()).toMatch(/additional properties/);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'no' } }).join()).toMatch(/nsis\/perMachine/);
  });

  it('is the app the OS knows: APP_ID and the product name from app-identity.ts and package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(pkg.productName).toBe(PRODUCT_NAME);
  });

  it('packs only the build (out/**, no source maps) and seeds as an extra resource, asar with .node unpacked', () => {
    expect(config.files).toEqual(['out/**/*', '!out/**/*.map']);
    expect(config.extraResources).toEqual([{ from: 'seeds', to: 'seeds', filter: ['**/*'] }, { from: 'README.md', to: 'README.md' }]);
    // The packaged app reads the seeds from resources/seeds (electron/main/app-paths.ts).
    expect(appPaths({ appPath: '/opt/AW/resources/app.asar', isPackaged: true, resourcesPath: '/opt/AW/resources' }).seedsDir).toBe(path.join('/opt/AW/resources', 'seeds'));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node', ...OCR_UNPACKED]);
    expect(OCR_UNPACKED).toContain('**/node_modules/@tesseract.js-data/**');
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(fs.existsSync(path.join(root, 'scripts/after-pack.mjs'))).toBe(true);
  });

  it('Windows: NSIS per user, never asking for administrator rights, keeping the workspace on uninstall', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
  });

  it('macOS: dmg + zip (the zip feeds the updater), hardened runtime with the checked-in entitlements', () => {
    expect((config.mac?.target as Array<{ target: string }>).map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'resources/mac/entitlements.mac.plist' });
    const plist = fs.readFileSync(path.join(root, 'resources/mac/entitlements.mac.plist'), 'utf8');
    expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    // Nothing an app with no native plug-ins needs: each extra entitlement weakens the hardened runtime.
    expect(plist).not.toContain('disable-library-validation');
  });

  it('notarises only when all three APPLE_* credentials are set', () => {
    expect(hasNotarisationCredentials({})).toBe(false);
    expect(hasNotarisationCredentials({ APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b' })).toBe(false);
    expect(hasNotarisationCredentials({ APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' })).toBe(true);
    expect(config.mac?.notarize).toBe(hasNotarisationCredentials(process.env));
  });

  it('Linux: AppImage + deb, icons from resources/icons, updates from GitHub Releases', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.icon).toBe('resources/icons');
    expect(config.win?.icon).toBe('resources/icon.ico');
    expect(config.mac?.icon).toBe('resources/icon.icns');
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'github' })]);
  });
});
