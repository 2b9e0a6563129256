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

/**
 * window.open / target=_blank: never a new window inside the app. A link the user clicked is handed to the
 * OS browser when it is http(s) or mailto; anything else (javascript:, file:, data:, custom schemes) is dropped.
 */
export function windowOpenHandler(openExternal: (url: string) => void) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (isExternalUrlAllowed(url)) openExternal(url);
    return { action: 'deny' };
  };
}
