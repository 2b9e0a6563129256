/**
 * Browser mode's link to the server: learns from every reply whether the tab's token still works, and checks
 * in the background (every few seconds while the tab is visible, and when it regains focus) so a tab showing
 * cached data finds out when the server was restarted (new token) or stopped, and can say so.
 */
import type { ApiError } from '../../../shared/contract/define';
import type { Result } from '../../../shared/domain/result';
import { transportProblem, type TransportProblem } from './transport';

export type ConnectionState = 'ok' | TransportProblem;

type Listener = () => void;

export class ConnectionMonitor {
  private current: ConnectionState = 'ok';
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private checking = false;

  constructor(private readonly check: () => Promise<Result<unknown, ApiError>>) {}

  get state(): ConnectionState {
    return this.current;
  }

  /** Every reply tells something: a handler's answer (even an error) means the server took the token. */
  observe(reply: Result<unknown, ApiError>): void {
    this.set(transportProblem(reply) ?? 'ok');
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One check now (skipped while one runs). A refused token stays refused: only a new launch URL helps. */
  async checkNow(): Promise<void> {
    if (this.checking || this.current === 'refused' || this.current === 'no_token') return;
    this.checking = true;
    try {
      this.observe(await this.check());
    } finally {
      this.checking = false;
    }
  }

  /** Starts the background checks in `win`; returns a stop function. */
  start(win: Window, everyMs = 5_000): () => void {
    const tick = () => {
      if (win.document.visibilityState === 'visible') void this.checkNow();
    };
    this.timer = setInterval(tick, everyMs);
    win.addEventListener('focus', tick);
    win.document.addEventListener('visibilitychange', tick);
    return () => {
      if (this.timer) clearInterval(this.timer);
      win.removeEventListener('focus', tick);
      win.document.removeEventListener('visibilitychange', tick);
    };
  }

  private set(next: ConnectionState): void {
    // Once refused, later replies cannot un-refuse it (they are all refused too); a reload with the new URL does.
    if (next === this.current || this.current === 'refused') return;
    this.current = next;
    for (const l of this.listeners) l();
  }
}
