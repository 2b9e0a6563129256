/** Links leave the app only for the OS browser or mail client, only as http(s)/mailto, and only after the user confirms the exact URL. */
import { isExternalUrlAllowed } from './window-options';

/** The fields of Electron's MessageBoxOptions this dialog uses (kept local so this module never imports `electron`). */
export interface LinkDialogOptions {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

/** Electron's dialog and shell, injected (index.ts passes the real ones; tests pass fakes). */
export interface ExternalLinkDeps<W = unknown> {
  showMessageBox: (parent: W | undefined, options: LinkDialogOptions) => Promise<{ response: number }>;
  openExternal: (url: string) => Promise<void>;
  showErrorBox: (title: string, content: string) => void;
  /** The window the dialog belongs to (modal to it), when known. */
  parentWindow?: W;
  log?: (message: string) => void;
}

export type LinkOutcome = 'refused' | 'cancelled' | 'opened' | 'failed';

const OPEN = 0;
const CANCEL = 1;

/** What the dialog names: the host in its ASCII (punycode) form, so a look-alike domain cannot pass for a familiar one. */
function destination(u: URL): string {
  return u.protocol === 'mailto:' ? `Email to: ${decodeURIComponent(u.pathname)}` : `Site: ${u.hostname}`;
}

/**
 * Asks, then opens. Never rejects: a refused scheme is dropped silently, a failure of the dialog or of the OS
 * browser is logged and shown in an error box (callers fire and forget it from synchronous Electron handlers).
 */
export async function openExternalAfterConfirm<W>(raw: string, deps: ExternalLinkDeps<W>): Promise<LinkOutcome> {
  if (!isExternalUrlAllowed(raw)) return 'refused';
  const url = new URL(raw).href; // the form shown is exactly the form opened
  const log = deps.log ?? ((m: string) => console.error(m));
  try {
    const { response } = await deps.showMessageBox(deps.parentWindow, {
      type: 'question',
      title: 'Open link',
      message: 'Open this link in your browser?',
      detail: `${destination(new URL(url))}\n\n${url}`,
      buttons: ['Open', 'Cancel'],
      defaultId: CANCEL,
      cancelId: CANCEL,
      noLink: true,
    });
    if (response !== OPEN) return 'cancelled';
    await deps.openExternal(url);
    return 'opened';
  } catch (e) {
    const reason = (e as Error)?.message ?? String(e);
    log(`[external-links] could not open ${url}: ${reason}`);
    try {
      deps.showErrorBox('Could not open the link', `${url}\n\n${reason}`);
    } catch (boxError) {
      log(`[external-links] could not show the error box: ${(boxError as Error)?.message ?? String(boxError)}`);
    }
    return 'failed';
  }
}
