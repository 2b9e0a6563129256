/** The Electron fuses the packaged app ships with, and how to read them back from a binary (@electron/fuses). */
import path from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/** true = fuse on. Each one closes a way to run our binary as something else or to load other code into it. */
export const WANTED_FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 app` would make the signed app a general-purpose Node.
  RunAsNode: false,
  // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // The asar is checked against the hash embedded at build time (macOS and Windows), and only it is loaded.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // Cookies at rest encrypted with the OS keychain.
  EnableCookieEncryption: true,
};

/** The config for flipFuses: unnamed fuses are left as Electron ships them. */
export function fuseConfig({ resetAdHocDarwinSignature = false } = {}) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature };
  for (const [name, on] of Object.entries(WANTED_FUSES)) config[FuseV1Options[name]] = on;
  return config;
}

/** The binary that holds the fuse wire, for electron-builder's afterPack context. */
export function packagedBinary({ appOutDir, electronPlatformName, productFilename, executableName }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  return path.join(appOutDir, executableName);
}

export async function setFuses(binary, options) {
  return flipFuses(binary, fuseConfig(options));
}

/** The fuses of a binary by name, and every one that differs from WANTED_FUSES (empty when all is well). */
export async function checkFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  const states = {};
  const wrong = [];
  for (const [name, on] of Object.entries(WANTED_FUSES)) {
    const state = wire[FuseV1Options[name]];
    states[name] = state === FuseState.ENABLE ? 'on' : state === FuseState.DISABLE ? 'off' : state === FuseState.REMOVED ? 'removed' : `unknown (${state})`;
    if (states[name] !== (on ? 'on' : 'off')) wrong.push(`${name} is ${states[name]}, want ${on ? 'on' : 'off'}`);
  }
  return { states, wrong };
}
