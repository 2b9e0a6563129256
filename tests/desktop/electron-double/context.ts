/** What the parts of one app double share: the Chromium, the windows, the recorded calls. One context = one "process". */
import type { Browser } from 'playwright-core';
import type { InstanceLocks } from './instance-lock';
import type { AppDouble } from './app';
import type { ProtocolDouble } from './protocol';
import type { SessionRegistry } from './session';
import type { IpcMainDouble } from './ipc';
import type { BrowserWindowDouble } from './browser-window';

/** Shared by every app double of a test (the "machine"): one browser, one single-instance lock. */
export interface DoubleShared {
  browser: Browser;
  locks: InstanceLocks;
}

/** Something an app did that has no other observable effect here (openDevTools, a role click, a page error…). */
export interface Recorded {
  kind: string;
  detail: unknown;
}

export interface DoubleContext {
  shared: DoubleShared;
  appPath: string;
  home: string;
  platform: NodeJS.Platform;
  app: AppDouble;
  protocol: ProtocolDouble;
  sessions: SessionRegistry;
  ipcMain: IpcMainDouble;
  /** Open (not destroyed) windows, in creation order. */
  windows: BrowserWindowDouble[];
  focused: BrowserWindowDouble | null;
  log: Recorded[];
  record(kind: string, detail?: unknown): void;
  /** Work the double started in the background (closing pages, servers): awaited on dispose. */
  track(p: Promise<unknown>): void;
  pending: Set<Promise<unknown>>;
  disposers: (() => Promise<void> | void)[];
  /** Test knob: printToPDF waits this long first (a slow printer), so an export honestly takes that long. */
  printDelayMs?: number;
  /** The utility processes this app forked, in order (a test kills one to crash the services host). */
  utilityProcesses?: import('./utility-process').UtilityProcessDouble[];
}
