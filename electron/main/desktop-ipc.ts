/** The desktop bridge's main side: one IPC handler for every desktop method, requests validated and senders checked like the API's. */
import type { z } from 'zod';
import { DESKTOP_INVOKE_CHANNEL, DESKTOP_METHODS, type DesktopMethod, type DesktopResult } from '../../shared/contract/desktop';

/** What a handler learns about the caller: enough to find its window, never trusted beyond the sender check. */
export interface DesktopInvokeEvent {
  sender: unknown;
  senderFrame?: { url?: string } | null;
}

export type DesktopRequest<M extends DesktopMethod> = z.infer<(typeof DESKTOP_METHODS)[M]>;
export type DesktopHandler<M extends DesktopMethod> = (req: DesktopRequest<M>, event: DesktopInvokeEvent) => unknown;

/** The subset of ipcMain used (a test passes a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: DesktopInvokeEvent, ...args: unknown[]) => unknown): void;
}

export class DesktopMethods {
  private readonly handlers = new Map<DesktopMethod, DesktopHandler<DesktopMethod>>();

  register<M extends DesktopMethod>(name: M, handler: DesktopHandler<M>): void {
    // Two owners of one method would silently shadow each other: fail at start-up instead.
    if (this.handlers.has(name)) throw new Error(`Desktop method ${name} is registered twice.`);
    this.handlers.set(name, handler as DesktopHandler<DesktopMethod>);
  }

  /** Never throws: every failure comes back as a typed error the renderer can show. */
  async call(method: unknown, raw: unknown, event: DesktopInvokeEvent, isTrusted: (frameUrl: string | undefined) => boolean): Promise<DesktopResult<unknown>> {
    if (!isTrusted(event.senderFrame?.url)) return fail('invalid_request', 'Refused: request from an untrusted frame.');
    if (typeof method !== 'string' || !Object.hasOwn(DESKTOP_METHODS, method)) {
      return fail('unknown_method', `Unknown desktop method: ${String(method).slice(0, 100)}`);
    }
    const name = method as DesktopMethod;
    const parsed = DESKTOP_METHODS[name].safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`);
      return fail('invalid_request', `Invalid request for ${name}: ${issues.slice(0, 5).join('; ')}`);
    }
    const handler = this.handlers.get(name);
    if (!handler) return fail('unavailable', `${name} is not available in this window.`);
    try {
      return { ok: true, value: await handler(parsed.data, event) };
    } catch (e) {
      // An expected failure the user can act on (disk full, folder gone…) keeps its own code and words.
      if (e instanceof DesktopMethodError) return fail(e.code, e.message);
      console.error(`[workbench] desktop ${name} failed:`, e);
      return fail('internal', `${name} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  }
}

const fail = (code: string, message: string): DesktopResult<never> => ({ ok: false, error: { code, message } });

/** Thrown by a handler for a failure the renderer should show as is, with its own code (not 'internal'). */
export class DesktopMethodError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'DesktopMethodError';
  }
}

/** The app's one registry: the save dialog and the reader menu register here. */
const shared = new DesktopMethods();

export function registerDesktopMethod<M extends DesktopMethod>(name: M, handler: DesktopHandler<M>): void {
  shared.register(name, handler);
}

/** Serves DESKTOP_INVOKE_CHANNEL; `isTrusted` is the same sender check as the API channel's (isTrustedSender). */
export function installDesktopIpc(ipcMain: IpcMainLike, isTrusted: (frameUrl: string | undefined) => boolean, methods: DesktopMethods = shared): void {
  ipcMain.handle(DESKTOP_INVOKE_CHANNEL, (event, method, req) => methods.call(method, req, event, isTrusted));
}
