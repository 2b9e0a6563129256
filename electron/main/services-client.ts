/**
 * Main's side of the services host (docs/adr/0010): starts the host process, relays requests to it, prints for it,
 * keeps its team passwords in the OS keychain (team-secrets.ts), mirrors its exports in flight for the quit guard,
 * and restarts it (reopening the workspace) after a crash.
 */
import { createPeer, type Peer, type RpcPort } from '../common/port-rpc';
import type { ApiError } from '../../shared/contract/define';
import type { SaveExportRequest } from '../../shared/contract/desktop';
import type { Result } from '../../shared/domain/result';
import type { ExportFinished } from '../services/export/jobs';
import type { HostEvents, HostToMain, MainEvents, MainToHost, OpenError } from '../services-host/protocol';
import type { HostPagePrinter } from './page-printer';
import type { TeamSecrets } from './team-secrets';

/** A started host process, whatever started it (Electron's utilityProcess, Node's child_process.fork). */
export interface HostProcess {
  port: RpcPort;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}
export type ForkHost = (modulePath: string) => HostProcess;

/** Prints the host's dossier HTML to PDF bytes; main owns the Chromium that can (see pdf-printer.ts). */
export type HostPrinter = (html: string, opts: { title: string; author: string }) => Promise<Uint8Array>;

export type ServicesEvent =
  | { type: 'exports'; inFlight: number }
  | ({ type: 'exportFinished' } & ExportFinished)
  | { type: 'crashed'; code: number | null; signal: string | null; restarting: boolean }
  | { type: 'restarted'; dir: string | null }
  | { type: 'restart-failed'; message: string };

export interface ServicesClientOptions {
  fork: ForkHost;
  modulePath: string;
  printer: HostPrinter;
  /** Prints a captured page the host prepared, scripts off (page-printer.ts); absent, the host's request is refused. */
  pagePrinter?: HostPagePrinter;
  onEvent?: (e: ServicesEvent) => void;
  /** The OS keychain for team passwords (team-secrets.ts); absent or unavailable, the host keeps them in memory. */
  secrets?: TeamSecrets;
  /** Who holds the workspace lock (shown to a second process). */
  purpose?: string;
  seedsDir?: string;
  /** More crashes than this within `crashWindowMs` and the host is not started again (a crash loop helps nobody). */
  maxRestarts?: number;
  crashWindowMs?: number;
}

export interface ServicesClient {
  open(dir: string): Promise<Result<{ recovery: boolean }, OpenError>>;
  call(method: unknown, req: unknown): Promise<Result<unknown, ApiError>>;
  writeExport(request: SaveExportRequest, path: string): Promise<Result<{ path: string; bytes: number }, { code: string; message: string }>>;
  cancelExports(): void;
  /** Exports in flight in the host, as last reported (synchronous, for the quit guard). */
  inFlight(): number;
  /** Resolves once no export is in flight (or the host has gone, taking them with it). */
  settled(): Promise<void>;
  /** Closes the workspace (releasing its lock) and ends the host for good. */
  close(): Promise<void>;
}

export const SERVICES_STOPPED = 'The workbench services stopped unexpectedly and are being restarted; nothing saved is lost. Try again in a moment.';
const SERVICES_GONE = 'The workbench services stopped and could not be restarted. Quit and start the app again.';
const SERVICES_CLOSED = 'The workspace has been closed.';
const NO_KEYCHAIN = 'This app has no OS keychain to keep the team password in.';

interface Running { proc: HostProcess; peer: Peer<MainToHost, MainEvents>; ready: Promise<boolean> }

export function startServicesHost(opts: ServicesClientOptions): ServicesClient {
  /** What the host is asked to open: the same after a restart as for the user's own choice. */
  // Asked at each open (after app ready, when safeStorage can answer), so the host's choice follows main's keychain.
  const openRequest = (dir: string) => ({
    dir, purpose: opts.purpose ?? 'desktop app', seedsDir: opts.seedsDir,
    secretStorage: opts.secrets?.available() ? 'keychain' as const : 'memory' as const,
  });
  /** The keychain, for the host's secret requests; a host told "memory" has no business asking. */
  const keychain = (): TeamSecrets => {
    if (!opts.secrets?.available()) throw new Error(NO_KEYCHAIN);
    return opts.secrets;
  };
  const maxRestarts = opts.maxRestarts ?? 3;
  const crashWindowMs = opts.crashWindowMs ?? 60_000;
  const onEvent = opts.onEvent ?? (() => undefined);
  const crashes: number[] = [];
  let host: Running | null = null;
  /** True while the host is started and has the workspace open again after a crash; calls fail fast meanwhile. */
  let up = true;
  let ended = false;
  /** close() was called: the host ended because it was asked to. */
  let closed = false;
  let dir: string | null = null;
  let inFlight = 0;
  const idle: (() => void)[] = [];

  const setInFlight = (n: number): void => {
    inFlight = n;
    if (n === 0) for (const resolve of idle.splice(0)) resolve();
  };

  const spawn = (): Running => {
    const proc = opts.fork(opts.modulePath);
    let readied!: (ok: boolean) => void;
    const ready = new Promise<boolean>((resolve) => { readied = resolve; });
    const peer = createPeer<MainToHost, MainEvents, HostToMain, HostEvents>(proc.port, {
      handlers: {
        print: ({ html, title, author }) => opts.printer(html, { title, author }),
        printPage: (req) => (opts.pagePrinter ? opts.pagePrinter(req) : Promise.reject(new Error('This app cannot print captured pages.'))),
        secretGet: ({ key }) => keychain().get(key),
        secretSet: async ({ key, secret }) => { await keychain().set(key, secret); return null; },
        secretDelete: async ({ key }) => { await keychain().delete(key); return null; },
      },
      onEvent: (name, payload) => {
        if (name === 'ready') readied(true);
        else if (name === 'exports') {
          setInFlight((payload as HostEvents['exports']).inFlight);
          onEvent({ type: 'exports', inFlight });
        } else if (name === 'exportFinished') onEvent({ type: 'exportFinished', ...(payload as ExportFinished) });
      },
    });
    const running: Running = { proc, peer, ready };
    proc.onExit((code, signal) => {
      readied(false);
      peer.close(closed ? SERVICES_CLOSED : SERVICES_STOPPED);
      // The exports died with the process: nothing is left to wait for.
      setInFlight(0);
      if (host === running) host = null;
      if (!ended) void restartAfterCrash(code, signal);
    });
    return running;
  };

  const restartAfterCrash = async (code: number | null, signal: string | null): Promise<void> => {
    const t = Date.now();
    crashes.push(t);
    while (crashes.length > 0 && crashes[0]! < t - crashWindowMs) crashes.shift();
    const restarting = crashes.length <= maxRestarts;
    up = false;
    onEvent({ type: 'crashed', code, signal, restarting });
    if (!restarting) {
      ended = true;
      return;
    }
    const running = (host = spawn());
    if (!(await running.ready)) return; // it died again: its own exit handler takes over
    if (dir !== null) {
      // The dead host's lock names a dead pid, which the new host takes over (store/lock.ts).
      const r = await running.peer.request('open', openRequest(dir));
      const opened = r.ok ? r.value : { ok: false as const, error: r.error };
      if (!opened.ok) {
        if (host === running) up = true; // requests then say what is wrong (no workspace open)
        onEvent({ type: 'restart-failed', message: `The workspace could not be opened again: ${opened.error.message}` });
        return;
      }
    }
    if (host !== running) return;
    up = true;
    onEvent({ type: 'restarted', dir });
  };

  /** The running host, once it listens; null when it is down (crashed and restarting, or given up). */
  const live = async (): Promise<Running | null> => {
    const running = host;
    if (!running || !up || ended) return null;
    return (await running.ready) ? running : null;
  };
  const downMessage = (): string => (closed ? SERVICES_CLOSED : ended ? SERVICES_GONE : SERVICES_STOPPED);
  const stopped = (): { ok: false; error: ApiError } => ({ ok: false, error: { code: 'internal', message: downMessage(), details: { servicesStopped: true } } });

  host = spawn();

  return {
    async open(target) {
      const running = await live();
      if (!running) return { ok: false, error: { code: 'internal', message: downMessage() } };
      const r = await running.peer.request('open', openRequest(target));
      if (!r.ok) return { ok: false, error: { code: 'internal', message: r.error.code === 'closed' ? downMessage() : r.error.message } };
      if (r.value.ok) dir = target;
      return r.value;
    },
    async call(method, req) {
      const running = await live();
      if (!running) return stopped();
      const r = await running.peer.request('call', { method, req });
      if (r.ok) return r.value;
      return r.error.code === 'closed' ? stopped() : { ok: false, error: { code: 'internal', message: r.error.message } };
    },
    async writeExport(request, path) {
      const running = await live();
      if (!running) return { ok: false, error: { code: 'services_stopped', message: downMessage() } };
      const r = await running.peer.request('writeExport', { request, path });
      if (r.ok) return r.value;
      return { ok: false, error: { code: r.error.code === 'closed' ? 'services_stopped' : 'internal', message: r.error.code === 'closed' ? downMessage() : r.error.message } };
    },
    cancelExports() {
      void host?.peer.request('cancelExports', null);
    },
    inFlight: () => inFlight,
    settled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    async close() {
      const running = host;
      ended = closed = true;
      if (!running) return;
      // Closing compacts and releases the lock; only then is the process ended.
      if (await running.ready) await running.peer.request('close', null);
      running.proc.kill();
    },
  };
}
