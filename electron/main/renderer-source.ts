/** Where the window's page comes from and whether DevTools exist: the dev server and DevTools only in an unpackaged build. */
import { APP_INDEX_URL } from './app-protocol';

export interface RendererSource {
  /** The URL the window loads; also the origin the IPC sender check compares against. */
  url: string;
  /** webPreferences.devTools: false in a packaged app, so no one can open a console on the workspace bridge. */
  devTools: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A packaged app ignores ELECTRON_RENDERER_URL entirely: an environment variable must not be able to point the
 * window (and its trusted IPC bridge) at another page. In development the variable must name a loopback http(s)
 * server, otherwise start-up fails with a message saying so, rather than quietly trusting some other origin.
 */
export function rendererSource(env: { isPackaged: boolean; devServerUrl?: string | undefined }): RendererSource {
  if (env.isPackaged || !env.devServerUrl) return { url: APP_INDEX_URL, devTools: !env.isPackaged };
  let u: URL;
  try {
    u = new URL(env.devServerUrl);
  } catch {
    throw new Error(`ELECTRON_RENDERER_URL is not a URL: ${JSON.stringify(env.devServerUrl)}`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !LOOPBACK.has(u.hostname) || u.username || u.password) {
    throw new Error(`ELECTRON_RENDERER_URL must be an http(s) address on this machine (localhost), not ${u.href}`);
  }
  return { url: u.href, devTools: true };
}
