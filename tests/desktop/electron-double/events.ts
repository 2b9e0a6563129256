/** Electron-style events for the double: an event object whose preventDefault the emitter reads back afterwards. */

export interface DoubleEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A fresh preventable event carrying `extra` (Electron 45 puts a details object's fields on the event itself). */
export function preventable<T extends object>(extra?: T): DoubleEvent & T {
  const e = { ...(extra ?? {}), defaultPrevented: false } as DoubleEvent & T;
  e.preventDefault = () => { e.defaultPrevented = true; };
  return e;
}

/** Resolves once `check` returns a value (polled): for the double's "wait until the app did X" helpers. */
export async function until<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
