/** The desktop PDF printer cleans up (hidden window, temp HTML) whatever happens, and gives up on a hang; Electron is faked. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronPdfPrinter } from './pdf-printer';

/** How the fake window's loadURL/printToPDF behave in one test, and what the printer did to it. */
const fake = vi.hoisted(() => ({
  load: 'resolve' as 'resolve' | 'hang',
  print: 'resolve' as 'resolve' | 'hang' | 'quit-then-reject',
  /** The window cannot be destroyed (Electron throws for some other reason): the print must still be returned. */
  destroyThrows: false,
  pdf: new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]), // "%PDF-1.7": no trailer, so stampPdfInfo returns it as is
  windows: [] as Array<{ destroyed: boolean; destroyCalls: number }>,
  loadedFile: '',
}));

vi.mock('electron', () => {
  const never = <T,>(): Promise<T> => new Promise<T>(() => undefined);
  class BrowserWindow {
    state = { destroyed: false, destroyCalls: 0 };
    constructor() { fake.windows.push(this.state); }
    isDestroyed(): boolean { return this.state.destroyed; }
    /** Like Electron's: destroying a window that quitting already destroyed throws. */
    destroy(): void {
      this.state.destroyCalls++;
      if (this.state.destroyed) throw new TypeError('Object has been destroyed');
      if (fake.destroyThrows) throw new Error('The window is busy');
      this.state.destroyed = true;
    }
    loadURL(url: string): Promise<void> {
      fake.loadedFile = fileURLToPath(url);
      return fake.load === 'hang' ? never() : Promise.resolve();
    }
    webContents = {
      printToPDF: (): Promise<Buffer> => {
        if (fake.print === 'hang') return never();
        if (fake.print === 'quit-then-reject') {
          // The app quits mid-print: Electron destroys every window, and the pending print fails.
          this.state.destroyed = true;
          return Promise.reject(new Error('Render frame was disposed before WebFrameMain could be accessed'));
        }
        return Promise.resolve(Buffer.from(fake.pdf));
      },
    };
  }
  const session = {
    fromPartition: () => ({
      webRequest: { onBeforeRequest: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    }),
  };
  return { BrowserWindow, session, default: { BrowserWindow, session } };
});

const opts = { title: 'Dossier', author: 'A. Analyst' };

/** The promise's outcome so far, without awaiting it (a hang stays 'pending'). */
function track<T>(p: Promise<T>): { outcome: 'pending' | { value: T } | { error: Error } } {
  const t: { outcome: 'pending' | { value: T } | { error: Error } } = { outcome: 'pending' };
  p.then((value) => { t.outcome = { value }; }, (error: Error) => { t.outcome = { error }; });
  return t;
}

beforeEach(() => {
  fake.load = 'resolve';
  fake.print = 'resolve';
  fake.destroyThrows = false;
  fake.windows.length = 0;
  fake.loadedFile = '';
});
afterEach(() => { vi.useRealTimers(); vi.restoreAllMocks(); });

describe('Electron PDF printer cleanup and time limit', () => {
  it('returns the printed bytes, destroys the hidden window once and removes the temp HTML', async () => {
    const pdf = await createElectronPdfPrinter()('<h1>Hi</h1>', opts);
    expect(Array.from(pdf)).toEqual(Array.from(fake.pdf));
    expect(fake.windows).toEqual([{ destroyed: true, destroyCalls: 1 }]);
    expect(fake.loadedFile).toMatch(/dossier\.html$/);
    expect(fs.existsSync(fake.loadedFile)).toBe(false);
  });

  it('a window destroyed by quitting mid-print: cleanup does not throw over the real cause, and the temp HTML is removed', async () => {
    fake.print = 'quit-then-reject';
    const err = await createElectronPdfPrinter()('<h1>Hi</h1>', opts).then(() => null, (e: Error) => e);
    expect(err?.message).not.toMatch(/Object has been destroyed/);
    expect(err?.message).toMatch(/window was closed.*nothing was written/);
    expect(fake.windows[0]?.destroyCalls).toBe(0);
    expect(fs.existsSync(fake.loadedFile)).toBe(false);
    expect(fs.existsSync(fake.loadedFile.replace(/[\\/]dossier\.html$/, ''))).toBe(false);
  });

  for (const hang of ['printToPDF', 'loadURL'] as const) {
    it(`a ${hang} that never settles is abandoned after 60 s with a clear message, and everything is cleaned up`, async () => {
      vi.useFakeTimers();
      if (hang === 'loadURL') fake.load = 'hang'; else fake.print = 'hang';
      const t = track(createElectronPdfPrinter()('<h1>Hi</h1>', opts));
      await vi.advanceTimersByTimeAsync(59_000);
      expect(t.outcome).toBe('pending');
      await vi.advanceTimersByTimeAsync(60_000); // past the limit of this step (and of both steps together)
      expect(t.outcome).toEqual({ error: new Error('Printing the dossier timed out after 60 s; nothing was written.') });
      expect(fake.windows).toEqual([{ destroyed: true, destroyCalls: 1 }]);
      expect(fs.existsSync(fake.loadedFile)).toBe(false);
    });
  }

  it('the time limit is injectable', async () => {
    vi.useFakeTimers();
    fake.print = 'hang';
    const t = track(createElectronPdfPrinter({ timeoutMs: 5_000 })('<h1>Hi</h1>', opts));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.outcome).toEqual({ error: new Error('Printing the dossier timed out after 5 s; nothing was written.') });
  });

  it('a print window that cannot be closed, or a temp folder that cannot be removed, is logged and the PDF is still returned', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.destroyThrows = true;
    vi.spyOn(fs, 'rmSync').mockImplementationOnce(() => { throw new Error('EBUSY: resource busy or locked'); });
    const pdf = await createElectronPdfPrinter()('<h1>Hi</h1>', opts);
    expect(Array.from(pdf)).toEqual(Array.from(fake.pdf));
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[pdf-printer] could not close the print window: The window is busy',
      expect.stringMatching(/^\[pdf-printer\] could not remove .*workbench-print-.*: EBUSY: resource busy or locked$/),
    ]);
    fs.rmSync(fake.loadedFile.replace(/[\\/]dossier\.html$/, ''), { recursive: true, force: true });
  });
});
