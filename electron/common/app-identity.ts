/** Who the app is to the operating system: one id for the installer, Windows' AppUserModelId and macOS' bundle. */

/** Reverse-DNS id: electron-builder's appId, the Windows AppUserModelId (taskbar grouping, notifications) and the macOS bundle id. */
export const APP_ID = 'org.analystworkbench.desktop';
/** Also package.json's productName, which names Electron's userData folder (see services/paths.ts). */
export const PRODUCT_NAME = 'Analyst Workbench';
