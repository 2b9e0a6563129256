/** The export notification with a fake Notification class and window: only for long exports finished in the background; a click focuses. */
import { describe, expect, it } from 'vitest';
import { createExportNotifier, type NotificationLike, type NotifierWindow } from './export-notifier';

function fakes(opts: { focused: boolean; minimized?: boolean; supported?: boolean }) {
  const shown: FakeNotification[] = [];
  class FakeNotification implements NotificationLike {
    static isSupported = () => opts.supported ?? true;
    listeners = new Map<string, () => void>();
    constructor(readonly options: { title: string; body: string }) {}
    on(event: string, listener: () => void) { this.listeners.set(event, listener); return this; }
    show() { shown.push(this); }
    click() { this.listeners.get('click')?.(); }
  }
  const calls: string[] = [];
  const win: NotifierWindow = {
    isDestroyed: () => false,
    isFocused: () => opts.focused,
    isMinimized: () => opts.minimized ?? false,
    restore: () => { calls.push('restore'); },
    show: () => { calls.push('show'); },
    focus: () => { calls.push('focus'); },
  };
  return { shown, calls, notify: createExportNotifier({ Notification: FakeNotification, window: () => win }) };
}

const LONG = { jobId: 'j1', fileName: 'Türkiye–Kazakhstan relations.pdf', ok: true, ms: 12_000 };

describe('export notifier', () => {
  it('says nothing while the window is focused', () => {
    const f = fakes({ focused: true });
    expect(f.notify(LONG)).toBe(false);
    expect(f.shown).toEqual([]);
  });

  it('shows one notification naming the file when a long export finishes in the background', () => {
    const f = fakes({ focused: false });
    expect(f.notify(LONG)).toBe(true);
    expect(f.shown.map((n) => n.options.title)).toEqual(['Dossier export finished — Türkiye–Kazakhstan relations.pdf']);
  });

  it('a failed export says it failed', () => {
    const f = fakes({ focused: false });
    f.notify({ ...LONG, ok: false });
    expect(f.shown.map((n) => n.options.title)).toEqual(['Dossier export failed — Türkiye–Kazakhstan relations.pdf']);
  });

  it('says nothing for an export under 5 s, nor where the OS has no notifications', () => {
    expect(fakes({ focused: false }).notify({ ...LONG, ms: 4_999 })).toBe(false);
    const unsupported = fakes({ focused: false, supported: false });
    expect(unsupported.notify(LONG)).toBe(false);
    expect(unsupported.shown).toEqual([]);
  });

  it('a minimised window counts as in the background even when it still has focus; a click restores and focuses it', () => {
    const f = fakes({ focused: true, minimized: true });
    expect(f.notify(LONG)).toBe(true);
    expect(f.calls).toEqual([]);
    f.shown[0]!.click();
    expect(f.calls).toEqual(['restore', 'show', 'focus']);
  });
});
