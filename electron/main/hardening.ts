/** The desktop shell's session and web-contents guards, kept free of `electron` imports so a unit test can exercise them. */
import { isExternalUrlAllowed } from './window-options';

type Headers = Record<string, string[]>;

/** Every permission request (camera, geolocation, notifications, openExternal…) is refused. */
export const denyPermissionRequest = (_wc: unknown, _permission: string, callback: (granted: boolean) => void): void => callback(false);

/** Every synchronous permission check answers "not granted". */
export const denyPermissionCheck = (): boolean => false;

/** Replaces any Content-Security-Policy a response carries with ours (case-insensitively, so no weaker copy survives). */
export function cspHeaders(csp: string) {
  return (details: { responseHeaders?: Headers }, callback: (response: { responseHeaders: Headers }) => void): void => {
    const kept = Object.fromEntries(Object.entries(details.responseHeaders ?? {})
      .filter(([k]) => k.toLowerCase() !== 'content-security-policy'));
    callback({ responseHeaders: { ...kept, 'Content-Security-Policy': [csp] } });
  };
}

/** The app never navigates away from its own page, and never attaches a <webview>. */
export const preventDefault = (event: { preventDefault(): void }): void => event.preventDefault();

/** A link the user asked for: handed to the confirm-then-open flow (external-links.ts); may return a promise. */
export type OpenLink = (url: string) => unknown;

/** Electron's handlers are synchronous, so the flow runs without being awaited; its failure is logged, never an unhandled rejection. */
function startLinkFlow(openLink: OpenLink, url: string): void {
  const report = (e: unknown): void => console.error(`[hardening] opening ${url} failed: ${(e as Error)?.message ?? String(e)}`);
  try {
    Promise.resolve(openLink(url)).catch(report);
  } catch (e) {
    report(e);
  }
}

/**
 * window.open / target=_blank: never a new window inside the app. A link the user clicked is offered to the
 * OS browser when it is http(s) or mailto; anything else (javascript:, file:, data:, custom schemes) is dropped.
 */
export function windowOpenHandler(openLink: OpenLink) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (isExternalUrlAllowed(url)) startLinkFlow(openLink, url);
    return { action: 'deny' };
  };
}

/** will-navigate: the app's page never changes; an external http(s)/mailto target goes to the same confirm-then-open flow. */
export function navigationGuard(openLink: OpenLink) {
  return (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault();
    if (isExternalUrlAllowed(url)) startLinkFlow(openLink, url);
  };
}

/** The only documents a subframe may load: the dossier preview's srcdoc and the empty page an iframe starts as. */
const SUBFRAME_DOCUMENTS = new Set(['about:srcdoc', 'about:blank']);

/**
 * will-frame-navigate fires for every frame, subframes included (will-navigate covers only the main frame): an iframe
 * must not be steered to a remote page, a file or another app:// document. Main-frame navigations are left alone here
 * because Electron emits will-frame-navigate first and, if it is prevented, never emits will-navigate, whose guard
 * (navigationGuard) blocks them and offers the link: preventing here would silently drop that offer.
 */
export function frameNavigationGuard(openLink: OpenLink) {
  return (details: { url: string; isMainFrame: boolean; preventDefault(): void }): void => {
    if (details.isMainFrame || SUBFRAME_DOCUMENTS.has(details.url)) return;
    details.preventDefault();
    if (isExternalUrlAllowed(details.url)) startLinkFlow(openLink, details.url);
  };
}
