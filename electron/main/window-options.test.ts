/** The desktop window is hardened: isolation, sandbox, no Node, web security; only safe URLs go outside. */
import { describe, expect, it } from 'vitest';
import { isExternalUrlAllowed, isTrustedSender, windowOptions } from './window-options';

describe('window options', () => {
  it('isolates and sandboxes the renderer', () => {
    const w = windowOptions('/x/preload.cjs').webPreferences;
    expect(w).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(w.preload.endsWith('.cjs')).toBe(true);
    expect(w).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, experimentalFeatures: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick' });
  });
  it('opens only http(s) and mailto links externally', () => {
    expect(isExternalUrlAllowed('https://example.org/a')).toBe(true);
    expect(isExternalUrlAllowed('mailto:a@b.c')).toBe(true);
    for (const u of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share', 'not a url']) {
      expect(isExternalUrlAllowed(u)).toBe(false);
    }
  });
  it('serves IPC only to our renderer document', () => {
    expect(isTrustedSender('file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html')).toBe(true);
    expect(isTrustedSender('file:///tmp/evil.html', 'file:///app/out/renderer/index.html')).toBe(false);
    expect(isTrustedSender('https://evil.example/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedSender(undefined, 'http://localhost:5173/')).toBe(false);
  });
});
