/** Who the app is to Windows: its AppUserModelId groups its taskbar button and lets its notifications show (see app-identity.ts). */
import { APP_ID } from '../common/app-identity';

export interface IdentifiableApp {
  setAppUserModelId(id: string): void;
}

/**
 * On Windows, before any window or notification: without it an unpackaged or portable app groups under
 * electron.exe and its toasts are dropped. The id must equal the installer's appId. Other platforms take theirs
 * from the bundle (macOS) or the .desktop file (Linux).
 */
export function applyPlatformIdentity(app: IdentifiableApp, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
