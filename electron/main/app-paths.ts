/** Where the built app's parts are, from `app.getAppPath()`: the same answer under `electron .`, a packaged app and the test double. */
import path from 'node:path';

export interface AppPaths {
  /** out/renderer: what app:// serves. */
  rendererDir: string;
  /** The sandboxed CommonJS preload. */
  preload: string;
  /** out/main: the built main-process entries (the services host lives beside index.js). */
  mainDir: string;
  /** The sample article seeded into an empty workspace. */
  seedsDir: string;
}

/**
 * `appPath` is the folder holding package.json (the project in development, resources/app.asar when packaged), so
 * this does not depend on where the calling module's file sits (index.ts runs from out/main when built, from
 * electron/main under test). Seeds are shipped beside the asar (extraResources), hence `resourcesPath` when packaged.
 */
export function appPaths(env: { appPath: string; isPackaged: boolean; resourcesPath?: string }): AppPaths {
  const out = path.join(env.appPath, 'out');
  if (env.isPackaged && !env.resourcesPath) throw new Error('A packaged app must say where its resources are (process.resourcesPath).');
  return {
    rendererDir: path.join(out, 'renderer'),
    preload: path.join(out, 'preload', 'index.cjs'),
    mainDir: path.join(out, 'main'),
    seedsDir: env.isPackaged ? path.join(env.resourcesPath!, 'seeds') : path.join(env.appPath, 'seeds'),
  };
}
