import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { appPaths } from './app-paths';

describe('appPaths', () => {
  test('in development everything is under the project: out/ for the build, seeds/ beside it', () => {
    expect(appPaths({ appPath: '/src/wb', isPackaged: false })).toEqual({
      rendererDir: path.join('/src/wb', 'out', 'renderer'), preload: path.join('/src/wb', 'out', 'preload', 'index.cjs'),
      mainDir: path.join('/src/wb', 'out', 'main'), seedsDir: path.join('/src/wb', 'seeds'),
    });
  });

  test('packaged, the build is inside the asar and the seeds are beside it in resources/', () => {
    const p = appPaths({ appPath: '/opt/wb/resources/app.asar', isPackaged: true, resourcesPath: '/opt/wb/resources' });
    expect(p.rendererDir).toBe(path.join('/opt/wb/resources/app.asar', 'out', 'renderer'));
    expect(p.seedsDir).toBe(path.join('/opt/wb/resources', 'seeds'));
  });

  test('packaged without a resources path is refused, naming what is missing', () => {
    expect(() => appPaths({ appPath: '/opt/wb/resources/app.asar', isPackaged: true })).toThrow('process.resourcesPath');
  });
});
