/** electron-builder: installers for Windows (NSIS, per-user), macOS (dmg + zip) and Linux (AppImage + deb). See docs/packaging.md. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { APP_ID, PRODUCT_NAME } from './electron/common/app-identity';

const root = path.dirname(fileURLToPath(import.meta.url));
const linuxDir = path.join(root, 'resources', 'linux');
/** The name of the binary on Linux (/opt/Analyst Workbench/analyst-workbench, /usr/bin/analyst-workbench). */
export const LINUX_EXECUTABLE = 'analyst-workbench';
/** Electron takes the Wayland app_id / WM_CLASS from package.json's desktopName; the installed .desktop file must match it. */
export const DESKTOP_FILE = `${APP_ID}.desktop`;
export const METAINFO_FILE = `${APP_ID}.metainfo.xml`;

/** The [Desktop Entry] of the checked-in .desktop file: the one place its wording lives. */
export function readDesktopEntry(file = path.join(linuxDir, DESKTOP_FILE)): Record<string, string> {
  const entry: Record<string, string> = {};
  let inEntry = false;
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (/^\[.*\]$/.test(line)) inEntry = line === '[Desktop Entry]';
    const m = inEntry ? /^([A-Za-z0-9-]+)=(.*)$/.exec(line) : null;
    if (m) entry[m[1]!] = m[2]!;
  }
  return entry;
}

const desktop = readDesktopEntry();
/** electron-builder computes Name, Exec, Icon, Type, Terminal and StartupWMClass itself (the test checks they agree); we add the rest. */
const desktopExtras = Object.fromEntries(
  ['GenericName', 'Keywords', 'StartupNotify'].filter((k) => desktop[k] !== undefined).map((k) => [k, desktop[k]!]),
);

/** Notarisation runs only with all three Apple credentials (electron-builder reads them from the environment). */
export function hasNotarisationCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID);
}

function githubRepository(env: NodeJS.ProcessEnv = process.env): { owner?: string; repo?: string } {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return owner && repo ? { owner, repo } : {};
}

/** Packages the OCR worker reads from disk (traced with strace, docs/ocr.md): a worker thread cannot rely on asar reads. */
export const OCR_UNPACKED = [
  'tesseract.js', 'tesseract.js-core', '@tesseract.js-data', 'regenerator-runtime', 'is-url', 'bmp-js', 'wasm-feature-detect',
  'pdfjs-dist', '@napi-rs/canvas', '@napi-rs/canvas-*',
].map((name) => `**/node_modules/${name}/**`);

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  copyright: 'Copyright © Analyst Workbench contributors',
  directories: { output: 'release', buildResources: 'resources' },
  // Only the electron-vite build; electron-builder adds package.json and the production dependencies
  // (never devDependencies). Source maps stay out: they would ship the sources.
  files: ['out/**/*', '!out/**/*.map'],
  // Read by electron/main/index.ts as path.join(process.resourcesPath, 'seeds') when packaged.
  // The README is the offline user guide (Help › Documentation opens it with the OS: not from inside the asar).
  extraResources: [{ from: 'seeds', to: 'seeds', filter: ['**/*'] }, { from: 'README.md', to: 'README.md' }],
  extraMetadata: { desktopName: DESKTOP_FILE },
  asar: true,
  // Native addons cannot be loaded from inside an archive. OCR_UNPACKED: what the OCR worker thread opens by path
  // (tesseract core and language data, pdf.js and the canvas it renders with); see docs/ocr.md.
  asarUnpack: ['**/*.node', ...OCR_UNPACKED],
  // Fuses are flipped here, before signing (flipping after would break the signature).
  afterPack: './scripts/after-pack.mjs',
  // electron-updater's feed (app-update.yml). The repository comes from the git remote, or from GITHUB_REPOSITORY on CI.
  publish: [{ provider: 'github', releaseType: 'draft', ...githubRepository() }],
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.ico',
  },
  nsis: {
    // Per-user install under %LOCALAPPDATA%: no administrator rights, no UAC prompt.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // The workspace is the analyst's work: uninstalling the app must never delete it.
    deleteAppDataOnUninstall: false,
    installerIcon: 'resources/icon.ico',
    uninstallerIcon: 'resources/icon.ico',
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }, { target: 'zip', arch: ['x64', 'arm64'] }],
    icon: 'resources/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'resources/mac/entitlements.mac.plist',
    entitlementsInherit: 'resources/mac/entitlements.mac.plist',
    // false (with a log line) when the APPLE_* variables are absent; scripts/dist.mjs says so up front.
    notarize: hasNotarisationCredentials(),
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons',
    executableName: LINUX_EXECUTABLE,
    syncDesktopName: true,
    category: desktop.Categories?.split(';')[0] ?? 'Office',
    description: desktop.Comment,
    synopsis: desktop.Comment,
    maintainer: 'Analyst Workbench contributors <maintainers@analystworkbench.org>',
    vendor: 'Analyst Workbench contributors',
    desktop: { entry: desktopExtras },
  },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  deb: {
    // Ubuntu 24.04 forbids unprivileged user namespaces unless a profile allows them (see docs/packaging.md).
    appArmorProfile: 'resources/linux/apparmor-profile',
    depends: ['libgtk-3-0 | libgtk-3-0t64', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0 | libatspi2.0-0t64', 'libuuid1', 'libsecret-1-0'],
    // fpm's source=destination form: AppStream metadata where software centres look for it.
    fpm: [`${path.join(linuxDir, METAINFO_FILE)}=/usr/share/metainfo/${METAINFO_FILE}`],
  },
};

export default config;
