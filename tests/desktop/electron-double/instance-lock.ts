/** requestSingleInstanceLock across several app doubles in one test: the first holds it, later ones tell it and get false. */
import { preventable } from './events';

/** The members of the app double the lock needs (kept narrow so app.ts and this file do not import each other). */
export interface LockHolder {
  exitCode: number | null;
  whenReady(): Promise<void>;
  emit(event: 'second-instance', ...args: unknown[]): boolean;
}

export class InstanceLocks {
  private holder: LockHolder | null = null;

  /**
   * Like Electron: the caller learns at once whether it is the primary instance; the primary is told through
   * 'second-instance' (argv and working directory of the second process), asynchronously and only once it is ready.
   */
  request(app: LockHolder, argv: string[], cwd: string, additionalData?: unknown): boolean {
    if (!this.holder || this.holder.exitCode !== null) this.holder = app;
    if (this.holder === app) return true;
    const first = this.holder;
    void first.whenReady().then(() => setImmediate(() => {
      if (first.exitCode === null) first.emit('second-instance', preventable(), argv, cwd, additionalData ?? null);
    }));
    return false;
  }

  holds(app: LockHolder): boolean {
    return this.holder === app && app.exitCode === null;
  }

  release(app: LockHolder): void {
    if (this.holder === app) this.holder = null;
  }
}
