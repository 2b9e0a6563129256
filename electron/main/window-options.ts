/** The hardened BrowserWindow options, kept free of `electron` imports so a unit test can assert them. */

export function windowOptions(preloadPath: string, opts: { devTools: boolean; platform?: string }) {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Analyst Workbench',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click (auxclick) must not open links in new windows; the window-open handler denies them anyway.
      disableBlinkFeatures: 'Auxclick',
      // macOS: the OS spell checker (nothing downloaded; suggestions in the context menu). Windows/Linux: off, because
      // Chromium would download Hunspell dictionaries from a Google host and the app is offline (ADR 0009).
      spellcheck: (opts.platform ?? process.platform) === 'darwin',
      // Only a development build (never a packaged app) may open DevTools: see rendererSource().
      devTools: opts.devTools,
    },
  } as const;
}

/** Only these URLs may be handed to the OS (after the user clicked a link). */
export function isExternalUrlAllowed(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:';
}

/**
 * An IPC message is served only when it comes from our own renderer origin: same scheme, host and port as the page
 * we loaded (app://workbench, or the loopback dev server in development). `file:` is never trusted, whatever the
 * renderer URL: any local HTML file would share it. Compared field by field because Node gives custom schemes the
 * origin "null", which would make every app:// and file:// URL look alike.
 */
export function isTrustedSender(frameUrl: string | undefined, rendererUrl: string): boolean {
  if (!frameUrl) return false;
  try {
    const f = new URL(frameUrl);
    const r = new URL(rendererUrl);
    if (r.protocol === 'file:' || f.protocol !== r.protocol) return false;
    if (f.username || f.password) return false;
    return f.host !== '' && f.host.toLowerCase() === r.host.toLowerCase();
  } catch {
    return false;
  }
}
