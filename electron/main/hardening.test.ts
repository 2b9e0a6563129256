/** The desktop shell's guards: permissions denied, our CSP replaces any other, no navigation, no new windows, safe links only. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cspHeaders, denyPermissionCheck, denyPermissionRequest, frameNavigationGuard, navigationGuard, preventDefault, windowOpenHandler } from './hardening';
import { CSP } from '../../shared/contract/csp';

describe('session and web-contents hardening', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      let granted: boolean | undefined;
      denyPermissionRequest({}, permission, (g) => { granted = g; });
      expect(granted, permission).toBe(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });

  it('sets our CSP on every response, replacing a weaker one whatever its header case', () => {
    let out: Record<string, string[]> = {};
    cspHeaders(CSP)({ responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline' *"], 'X-Other': ['1'] } }, (r) => { out = r.responseHeaders; });
    expect(out['Content-Security-Policy']).toEqual([CSP]);
    expect(Object.keys(out).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(out['X-Other']).toEqual(['1']);
    cspHeaders(CSP)({}, (r) => { out = r.responseHeaders; });
    expect(out).toEqual({ 'Content-Security-Policy': [CSP] });
    expect(CSP).toMatch(/script-src 'self'/);
    expect(CSP).not.toMatch(/unsafe-eval/);
  });

  it('prevents navigation and webview attachment', () => {
    let prevented = 0;
    preventDefault({ preventDefault: () => { prevented++; } });
    expect(prevented).toBe(1);
  });

  it('never opens a window; only http(s)/mailto links are offered to the link flow', () => {
    const opened: string[] = [];
    const handler = windowOpenHandler((u) => opened.push(u));
    const urls = ['https://example.org/', 'http://example.org/a', 'mailto:a@b.c', 'javascript:alert(1)', 'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>', 'smb://host/share', 'ms-msdt:/id PCWDiagnostic', 'vbscript:msgbox', 'about:blank'];
    for (const url of urls) expect(handler({ url }), url).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/', 'http://example.org/a', 'mailto:a@b.c']);
  });

  it('a link flow that rejects is caught and logged, never left as an unhandled rejection', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = windowOpenHandler(() => Promise.reject(new Error('no browser registered')));
    expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/no browser registered/);
  });

  it('blocks every navigation; an external http(s)/mailto target is offered to the link flow instead', () => {
    const offered: string[] = [];
    let prevented = 0;
    const guard = navigationGuard((u) => offered.push(u));
    for (const url of ['https://example.org/x', 'mailto:a@b.c', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'about:blank']) {
      guard({ preventDefault: () => { prevented++; } }, url);
    }
    expect(prevented).toBe(6);
    expect(offered).toEqual(['https://example.org/x', 'mailto:a@b.c']);
  });

  it('will-frame-navigate: a subframe may only load its srcdoc (the dossier preview); anything else is blocked', () => {
    const offered: string[] = [];
    const guard = frameNavigationGuard((u) => offered.push(u));
    const run = (url: string, isMainFrame: boolean): boolean => {
      let prevented = false;
      guard({ url, isMainFrame, preventDefault: () => { prevented = true; } });
      return prevented;
    };
    expect(run('about:srcdoc', false)).toBe(false);
    expect(run('about:blank', false)).toBe(false);
    for (const url of ['https://example.org/x', 'mailto:a@b.c', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x',
      'app://workbench/index.html', 'about:srcdoc#x', 'http://localhost:5173/']) {
      expect(run(url, false), url).toBe(true);
    }
    expect(offered).toEqual(['https://example.org/x', 'mailto:a@b.c', 'http://localhost:5173/']);
  });

  it('will-frame-navigate: the main frame is left to will-navigate, which Electron skips once this event is prevented', () => {
    const offered: string[] = [];
    const guard = frameNavigationGuard((u) => offered.push(u));
    for (const url of ['https://example.org/x', 'file:///etc/passwd']) {
      let prevented = false;
      guard({ url, isMainFrame: true, preventDefault: () => { prevented = true; } });
      expect(prevented, url).toBe(false);
    }
    expect(offered).toEqual([]);
  });

  it('a link flow that throws at once (not a rejection) is logged too, and the navigation is still blocked', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let prevented = false;
    navigationGuard(() => { throw new Error('no dialog module'); })({ preventDefault: () => { prevented = true; } }, 'https://example.org/');
    expect(prevented).toBe(true);
    expect(error).toHaveBeenCalledWith('[hardening] opening https://example.org/ failed: no dialog module');
  });
});
