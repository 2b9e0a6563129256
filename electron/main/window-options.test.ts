/** The desktop window is hardened: isolation, sandbox, no Node, web security; only safe URLs go outside. */
import { describe, expect, it } from 'vitest';
import { isExternalUrlAllowed, isTrustedSender, windowOptions } from './window-options';

describe('window options', () => {
  it('isolates and sandboxes the renderer', () => {
    const w = windowOptions('/x/preload.cjs', { devTools: false }).webPreferences;
    expect(w).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(w.preload.endsWith('.cjs')).toBe(true);
    expect(w).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, experimentalFeatures: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick' });
  });
  it('spell-checks only where the OS checker runs (macOS); elsewhere off, so no dictionary is downloaded', () => {
    expect(windowOptions('/x/preload.cjs', { devTools: false, platform: 'darwin' }).webPreferences.spellcheck).toBe(true);
    expect(windowOptions('/x/preload.cjs', { devTools: false, platform: 'win32' }).webPreferences.spellcheck).toBe(false);
    expect(windowOptions('/x/preload.cjs', { devTools: false, platform: 'linux' }).webPreferences.spellcheck).toBe(false);
  });
  it('DevTools follow the caller (false for a packaged app)', () => {
    expect(windowOptions('/x/preload.cjs', { devTools: false }).webPreferences.devTools).toBe(false);
    expect(windowOptions('/x/preload.cjs', { devTools: true }).webPreferences.devTools).toBe(true);
  });
  it('opens only http(s) and mailto links externally', () => {
    expect(isExternalUrlAllowed('https://example.org/a')).toBe(true);
    expect(isExternalUrlAllowed('mailto:a@b.c')).toBe(true);
    for (const u of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share', 'not a url']) {
      expect(isExternalUrlAllowed(u)).toBe(false);
    }
  });
  it('serves IPC only to our app://workbench renderer', () => {
    const app = 'app://workbench/index.html';
    expect(isTrustedSender('app://workbench/index.html', app)).toBe(true);
    expect(isTrustedSender('app://workbench/other.html#x', app)).toBe(true);
    expect(isTrustedSender(undefined, app)).toBe(false);
  });
  it('refuses file:// frames and every other origin, including other app:// hosts', () => {
    const app = 'app://workbench/index.html';
    for (const frame of ['file:///app/out/renderer/index.html', 'file:///tmp/evil.html', 'app://evil/index.html', 'app://workbench.evil/',
      'app://user@workbench/index.html', 'https://workbench/index.html', 'http://localhost:5173/', 'about:srcdoc', 'about:blank',
      'data:text/html,x', 'not a url']) {
      expect(isTrustedSender(frame, app), frame).toBe(false);
    }
  });
  it('never trusts file:, even if the renderer URL itself were a file URL', () => {
    expect(isTrustedSender('file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html')).toBe(false);
  });
  it('with the dev server, trusts only its exact scheme, host and port', () => {
    const dev = 'http://localhost:5173/';
    expect(isTrustedSender('http://localhost:5173/index.html', dev)).toBe(true);
    for (const frame of ['https://evil.example/', 'http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'app://workbench/index.html']) {
      expect(isTrustedSender(frame, dev), frame).toBe(false);
    }
  });
});
