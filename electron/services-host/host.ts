/** The services host: opens the workspace and answers main's requests, in a process of its own (docs/adr/0010). */
import path from 'node:path';
import { createPeer, type RpcPort } from '../common/port-rpc';
import { dispatch } from '../services/api/dispatch';
import { WorkspaceSession } from '../services/maintenance/session';
import { cancelExports, watchExports } from '../services/export/jobs';
import { writeExportFile } from '../services/export/write-export';
import { StoreError } from '../services/store/errors';
import type { PdfPrinter } from '../services/export/pdf-printer';
import type { PagePrinter } from '../services/capture/types';
import { printableHtml } from '../services/capture/print-page-html';
import { PAGE_PRINT_TIMEOUT_MS } from '../services/capture/print-page-policy';
import { lazyExtensionListener } from '../services/capture/extension-host';
import { captureFetchedWith } from '../services/capture/extension-capture';
import type { SecretStore } from '../services/team/credentials';
import type { HostEvents, HostToMain, MainEvents, MainToHost, OpenError, OpenRequest } from './protocol';

export interface ServedServices {
  /** Closes the open workspace (releasing its lock) and stops listening for export changes. */
  dispose(): Promise<void>;
}

/** Main's answer to a keychain request, or its reason as an error (the team service reports or logs it). */
function keychainReply<V>(r: { ok: true; value: V } | { ok: false; error: { message: string } }): V {
  if (!r.ok) throw new Error(`The OS keychain could not be used: ${r.error.message}`);
  return r.value;
}

const notOpen = { ok: false as const, error: { code: 'storage_failed' as const, message: 'No workspace is open in the services.' } };

/** Answers main on `port` until disposed. Main must keep the port's other end; the host never opens windows or dialogs. */
export function serveServices(port: RpcPort, opts: { pid?: number } = {}): ServedServices {
  let session: WorkspaceSession | null = null;
  let dir: string | null = null;

  // Printing needs a Chromium; main has one (printToPDF), so the host asks main and waits for the bytes.
  const printer: PdfPrinter = async (html, { title, author, onProgress }) => {
    onProgress?.(0.1, 'Printing');
    const r = await peer.request('print', { html, title, author });
    if (!r.ok) throw new Error(r.error.message);
    onProgress?.(1, 'Printed');
    return r.value;
  };

  // A captured page: decoded and guarded here (a PDF or image is refused before main is asked), printed by main.
  const pagePrinter: PagePrinter = async (page, opts) => {
    const timeoutMs = opts?.timeoutMs ?? PAGE_PRINT_TIMEOUT_MS;
    const html = printableHtml(page);
    // Main enforces the limit itself; this one only covers a main that never answers at all.
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${page.url}: the app did not answer the print request.`)), timeoutMs + 10_000);
    });
    const r = await Promise.race([peer.request('printPage', { html, url: page.url, timeoutMs }), silent]).finally(() => clearTimeout(timer));
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  // Team passwords in the OS keychain: safeStorage exists only in main, so each get/set/delete is asked of main.
  const mainSecrets: SecretStore = {
    get: async (key) => keychainReply(await peer.request('secretGet', { key })),
    set: async (key, secret) => { keychainReply(await peer.request('secretSet', { key, secret })); },
    delete: async (key) => { keychainReply(await peer.request('secretDelete', { key })); },
  };

  // The browser extension's loopback endpoint (port 47615, else a free one), opened on first need.
  const extension = lazyExtensionListener({ workbench: () => session?.wb ?? null, captureFetched: captureFetchedWith({ pagePrinter }) });

  /** Opens `req.dir`; the workspace open so far stays open until the new one is, so a failed switch loses nothing. */
  const open = async (req: OpenRequest) => {
    const target = path.resolve(req.dir);
    if (session && dir === target) return { ok: true as const, value: { recovery: session.recovery !== null } };
    let next: WorkspaceSession;
    try {
      next = await WorkspaceSession.start({
        dir: target, purpose: req.purpose, seedsDir: req.seedsDir, printer, pagePrinter, extensionEndpoint: extension.endpoint,
        // Without main's keychain the session keeps passwords in this process's memory (and says 'memory').
        secrets: req.secretStorage === 'keychain' ? { store: mainSecrets, kind: 'keychain' } : undefined,
      });
    } catch (e) {
      const error: OpenError = e instanceof StoreError ? { code: e.kind, message: e.message } : { code: 'internal', message: (e as Error)?.message ?? String(e) };
      return { ok: false as const, error };
    }
    const previous = session;
    session = next;
    dir = target;
    await previous?.close().catch((e: unknown) => console.error('[services] closing the previous workspace:', e));
    extension.openIfPaired(target);
    return { ok: true as const, value: { recovery: next.recovery !== null } };
  };

  const close = async (): Promise<null> => {
    const s = session;
    session = null;
    dir = null;
    await s?.close();
    return null;
  };

  const peer = createPeer<HostToMain, HostEvents, MainToHost, MainEvents>(port, {
    handlers: {
      open,
      call: ({ method, req }) => (session ? dispatch(session.handlers, method, req) : notOpen),
      close,
      cancelExports: () => { cancelExports(); return null; },
      writeExport: ({ request, path: file }) => (session ? writeExportFile(session.handlers, request, file) : notOpen),
    },
  });
  const unwatch = watchExports({
    inFlight: (n) => peer.emit('exports', { inFlight: n }),
    finished: (e) => peer.emit('exportFinished', e),
  });
  peer.emit('ready', { pid: opts.pid ?? process.pid });

  return {
    async dispose() {
      unwatch();
      peer.close('The services host is shutting down.');
      await close();
      await extension.close();
    },
  };
}
