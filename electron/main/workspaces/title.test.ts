/** The window title: "<folder> — Analyst Workbench" on every platform, the represented folder on macOS, immune to document.title. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { applyWindowTitle, keepWindowTitle, windowTitle } from './title';

class FakeWindow extends EventEmitter {
  title = 'Analyst Workbench';
  represented: string | null = null;
  destroyed = false;
  isDestroyed() { return this.destroyed; }
  setTitle(t: string) { this.title = t; }
  setRepresentedFilename(f: string) { this.represented = f; }
  /** Like Electron: the page's title becomes the window's unless the event is prevented. */
  pageTitle(t: string) {
    let prevented = false;
    this.emit('page-title-updated', { preventDefault: () => { prevented = true; } }, t);
    if (!prevented) this.title = t;
  }
}

describe('the window title', () => {
  it('names the workspace folder, read with each platform\'s path rules', () => {
    expect(windowTitle('/home/ann/Cases/Acme', 'linux')).toBe('Acme — Analyst Workbench');
    expect(windowTitle('/Users/ann/Cases/Acme/', 'darwin')).toBe('Acme — Analyst Workbench');
    expect(windowTitle('C:\\Users\\ann\\Cases\\Acme', 'win32')).toBe('Acme — Analyst Workbench');
    // A backslash is an ordinary character in a POSIX name, a separator on Windows.
    expect(windowTitle('/data/a\\b', 'linux')).toBe('a\\b — Analyst Workbench');
    expect(windowTitle('D:\\', 'win32')).toBe('D:\\ — Analyst Workbench');
    expect(windowTitle('/', 'linux')).toBe('/ — Analyst Workbench');
  });

  it('sets the represented folder on macOS only', () => {
    const mac = new FakeWindow();
    applyWindowTitle(mac, '/Users/ann/Acme', 'darwin');
    expect([mac.title, mac.represented]).toEqual(['Acme — Analyst Workbench', '/Users/ann/Acme']);
    const win = new FakeWindow();
    applyWindowTitle(win, 'C:\\Acme', 'win32');
    expect([win.title, win.represented]).toEqual(['Acme — Analyst Workbench', null]);
  });

  it('is not replaced by the page\'s document.title, and a destroyed window is left alone', () => {
    const win = new FakeWindow();
    applyWindowTitle(win, '/home/ann/Acme', 'linux');
    keepWindowTitle(win);
    win.pageTitle('Analyst Workbench');
    expect(win.title).toBe('Acme — Analyst Workbench');
    win.destroyed = true;
    applyWindowTitle(win, '/home/ann/Other', 'linux');
    expect(win.title).toBe('Acme — Analyst Workbench');
  });
});
