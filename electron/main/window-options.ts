/** The hardened BrowserWindow options, kept free of `electron` imports so a unit test can assert them. */

export function windowOptions(preloadPath: string) {
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
      spellcheck: true,
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

/** An IPC message is served only when it comes from our own renderer document. */
export function isTrustedSender(frameUrl: string | undefined, rendererUrl: string): boolean {
  if (!frameUrl) return false;
  try {
    const f = new URL(frameUrl);
    const r = new URL(rendererUrl);
    if (r.protocol === 'file:') return f.protocol === 'file:' && f.pathname === r.pathname;
    return f.origin === r.origin;
  } catch {
    return false;
  }
}
