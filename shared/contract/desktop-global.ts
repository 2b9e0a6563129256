/** The name of the desktop bridge on `window`, apart from desktop.ts so the renderer can read it without bundling zod. */
export const DESKTOP_GLOBAL = 'workbenchDesktop';
