/** `session`: permission handlers recorded, webRequest listeners applied to what the double's windows load and serve. */
import type { DoubleContext } from './context';

type Headers = Record<string, string[]>;
type Listener = (details: Record<string, unknown>, callback: (response: Record<string, unknown>) => void) => void;
interface Registered { listener: Listener; patterns: RegExp[] | null }

/** Electron's URL patterns (such as `app://workbench/` followed by a star): a star matches anything. */
const toRegExp = (pattern: string): RegExp => new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** Like Electron's, one listener per event: registering again replaces it, null removes it. */
class WebRequestDouble {
  readonly listeners = new Map<string, Registered>();

  private set(event: string, a: unknown, b: unknown): void {
    const listener = (typeof a === 'function' ? a : b) as Listener | null | undefined;
    const filter = typeof a === 'function' || a === null ? null : (a as { urls?: string[] } | undefined);
    if (!listener) this.listeners.delete(event);
    else this.listeners.set(event, { listener, patterns: filter?.urls?.length ? filter.urls.map(toRegExp) : null });
  }
  onBeforeRequest(a: unknown, b?: unknown): void { this.set('beforeRequest', a, b); }
  onHeadersReceived(a: unknown, b?: unknown): void { this.set('headersReceived', a, b); }
  onBeforeSendHeaders(a: unknown, b?: unknown): void { this.set('beforeSendHeaders', a, b); }

  /** Calls the listener for `event` (when its filter matches) and resolves with its answer, or null when none applies. */
  run(event: string, details: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    const reg = this.listeners.get(event);
    if (!reg || (reg.patterns && !reg.patterns.some((r) => r.test(String(details.url))))) return Promise.resolve(null);
    return new Promise((resolve) => reg.listener(details, resolve));
  }
}

export class SessionDouble {
  readonly webRequest = new WebRequestDouble();
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  spellCheckerEnabled = true;

  constructor(private readonly ctx: DoubleContext, readonly partition: string) {}

  get protocol() { return this.ctx.protocol; }
  setPermissionRequestHandler(h: SessionDouble['permissionRequestHandler']): void { this.permissionRequestHandler = h; }
  setPermissionCheckHandler(h: SessionDouble['permissionCheckHandler']): void { this.permissionCheckHandler = h; }
  setSpellCheckerEnabled(on: boolean): void { this.spellCheckerEnabled = on; }
  isSpellCheckerEnabled(): boolean { return this.spellCheckerEnabled; }

  /** onBeforeRequest: false when the listener cancels the request (the double then aborts it as blocked by the client). */
  async allowRequest(details: { url: string; method: string; resourceType: string; webContentsId?: number }): Promise<boolean> {
    const answer = await this.webRequest.run('beforeRequest', { id: nextRequestId++, timestamp: Date.now(), ...details });
    if (answer?.redirectURL) this.ctx.record('webRequest.redirect-unsupported', { url: details.url, to: answer.redirectURL });
    return !answer?.cancel;
  }

  /** onHeadersReceived: the headers the page will see (the listener may replace them, as cspHeaders does). */
  async headersReceived(details: { url: string; method: string; statusCode: number; responseHeaders: Headers; resourceType: string }): Promise<Headers> {
    const answer = await this.webRequest.run('headersReceived', { id: nextRequestId++, timestamp: Date.now(), ...details });
    return (answer?.responseHeaders as Headers | undefined) ?? details.responseHeaders;
  }
}

let nextRequestId = 1;

/** session.defaultSession and session.fromPartition (one session per partition name, as in Electron). */
export class SessionRegistry {
  readonly defaultSession: SessionDouble;
  private readonly partitions = new Map<string, SessionDouble>();

  constructor(private readonly ctx: DoubleContext) {
    this.defaultSession = new SessionDouble(ctx, '');
  }

  fromPartition(partition: string): SessionDouble {
    if (partition === '') return this.defaultSession;
    let s = this.partitions.get(partition);
    if (!s) this.partitions.set(partition, (s = new SessionDouble(this.ctx, partition)));
    return s;
  }

  /** The `session` module as main imports it. */
  module() {
    return { defaultSession: this.defaultSession, fromPartition: (p: string) => this.fromPartition(p) };
  }
}
