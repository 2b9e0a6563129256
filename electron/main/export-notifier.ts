/** An OS notification when a long dossier export finishes while the window is in the background; clicking it brings the window back. */
import type { ExportFinished } from '../services/export/jobs';
import { focusWindow, type FocusableWindow } from './single-instance';

/** Shorter exports finish while the analyst is still looking; a notification then is noise. */
export const NOTIFY_AFTER_MS = 5_000;

export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

/** Electron's Notification class, as far as this module uses it (a test passes a fake). */
export interface NotificationClass {
  isSupported(): boolean;
  new (options: { title: string; body: string }): NotificationLike;
}

export interface NotifierWindow extends FocusableWindow {
  isFocused(): boolean;
}

export interface ExportNotifierDeps {
  Notification: NotificationClass;
  /** The main window now (it may have been closed and opened again since start-up). */
  window(): NotifierWindow | null;
}

/** Returns the listener for the services host's "export finished" events; it answers whether it notified. */
export function createExportNotifier(deps: ExportNotifierDeps): (event: ExportFinished) => boolean {
  // Electron drops a notification's click handler once the object is garbage collected: hold each until it is done.
  const shown = new Set<NotificationLike>();
  return (event) => {
    const win = deps.window();
    const inBackground = !win || win.isDestroyed() || win.isMinimized() || !win.isFocused();
    if (!inBackground || event.ms < NOTIFY_AFTER_MS || !deps.Notification.isSupported()) return false;
    const note = new deps.Notification(event.ok
      ? { title: `Dossier export finished — ${event.fileName}`, body: 'Click to return to the workbench and save it.' }
      : { title: `Dossier export failed — ${event.fileName}`, body: 'Click to return to the workbench and see why.' });
    shown.add(note);
    note.on('click', () => {
      shown.delete(note);
      focusWindow(deps.window());
    });
    note.on('close', () => shown.delete(note));
    note.show();
    return true;
  };
}
