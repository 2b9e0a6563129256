/** How the contract travels: the IPC channel name (desktop) and the HTTP shape (browser mode). */

/** ipcRenderer.invoke(IPC_CHANNEL, method, request) -> Result */
export const IPC_CHANNEL = 'workbench:invoke';

/** Browser mode: POST `${HTTP_API_PREFIX}<method>` with the JSON request as body; the reply body is the Result. */
export const HTTP_API_PREFIX = '/api/';
/** Every browser-mode API request carries the per-launch token in this header, and only there. */
export const TOKEN_HEADER = 'x-workbench-token';
/**
 * The launch URL carries the token as ?token=…; the page moves it into its own storage. There is deliberately no
 * cookie: cookies are not bound to a port, so every other server on 127.0.0.1 would receive it.
 */
export const TOKEN_QUERY = 'token';

/** What the preload exposes on `window` (contextBridge) in the desktop app. */
export const BRIDGE_GLOBAL = 'workbench';
