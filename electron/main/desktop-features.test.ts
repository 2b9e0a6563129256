/**
 * The update wiring of the desktop features, which only a packaged app has (the double runs main unpackaged):
 * Help › Check for Updates… reaches the updater and its answers are shown in message boxes.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopFeaturesDeps } from './desktop-features';
import { createRecentStore } from './workspaces';
import type { UpdaterLike } from './updater';
import type { ServicesClient } from './services-client';
import { tempDir } from '../../tests/unit/helpers';

type Item = MenuItemConstructorOptions;

async function setup(updater: Partial<UpdaterLike>) {
  // The desktop methods (saveExport, readerMenu) register once per process, as in the app: a fresh module each time.
  vi.resetModules();
  const { installDesktopFeatures } = await import('./desktop-features');
  const userData = tempDir('wb-features-');
  const boxes: Array<{ window: unknown; options: { message: string; detail?: string; type: string } }> = [];
  let template: Item[] = [];
  const fakeUpdater = { autoDownload: true, autoInstallOnAppQuit: true, allowPrerelease: true, allowDowngrade: true, downloadUpdate: vi.fn(), quitAndInstall: vi.fn(), checkForUpdates: vi.fn(), ...updater } as UpdaterLike;
  const deps: DesktopFeaturesDeps = {
    app: { on: vi.fn(), showAboutPanel: vi.fn(), getAppPath: () => userData, isPackaged: true, getPath: () => userData, getVersion: () => '1.2.0' } as unknown as DesktopFeaturesDeps['app'],
    Menu: { buildFromTemplate: (t: Item[]) => { template = t; return t as never; }, setApplicationMenu: vi.fn() },
    BrowserWindow: { fromWebContents: () => null },
    dialog: {
      showMessageBox: vi.fn(async (a: unknown, b?: unknown) => {
        boxes.push(b === undefined ? { window: null, options: a as never } : { window: a, options: b as never });
        return { response: 0, checkboxChecked: false };
      }),
      showOpenDialog: vi.fn(), showSaveDialog: vi.fn(),
    } as unknown as DesktopFeaturesDeps['dialog'],
    shell: { openPath: vi.fn(async () => '') },
    Notification: class { static isSupported() { return false; } on() { return this; } show() {} } as unknown as DesktopFeaturesDeps['Notification'],
    client: {} as ServicesClient,
    recent: createRecentStore({ folder: userData, onProblem: () => undefined }),
    initialDir: path.join(userData, 'workspace'),
    getWindow: () => null,
    devTools: false,
    loadUpdater: () => fakeUpdater,
  };
  const features = installDesktopFeatures(deps);
  const plain = (l: string | undefined) => (l ?? '').replace(/&/g, '');
  const checkNow = () => {
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    (items.find((i) => plain(i.label) === 'Check for Updates…')!.click as unknown as () => void)();
  };
  return { features, boxes, fakeUpdater, checkNow, userData };
}

describe('desktop features: updates in a packaged app', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it('Check for Updates… asks the updater (set never to download by itself) and says when the app is up to date', async () => {
    const { boxes, fakeUpdater, checkNow } = await setup({ checkForUpdates: vi.fn(async () => null) });
    checkNow();
    await vi.waitFor(() => expect(boxes).toHaveLength(1));
    expect(fakeUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(fakeUpdater.autoDownload).toBe(false);
    expect(boxes[0]!.options).toMatchObject({ type: 'info', message: 'Analyst Workbench is up to date', detail: 'You have version 1.2.0, the latest release.' });
    // No main window at this moment: a free-standing box, not one attached to a closed window.
    expect(boxes[0]!.window).toBeNull();
  });

  it('a failed check the user asked for is shown with its reason and logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { boxes, checkNow } = await setup({ checkForUpdates: vi.fn(async () => { throw new Error('getaddrinfo ENOTFOUND github.com'); }) });
    checkNow();
    await vi.waitFor(() => expect(boxes).toHaveLength(1));
    expect(boxes[0]!.options).toMatchObject({ type: 'error', message: 'Could not check for updates', detail: 'getaddrinfo ENOTFOUND github.com' });
    expect(warn).toHaveBeenCalledWith('Update check failed: getaddrinfo ENOTFOUND github.com');
  });
});
