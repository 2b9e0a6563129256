/** External links: refused schemes never reach the dialog, Cancel opens nothing, Open opens once, a failure is reported. */
import { describe, expect, it, vi } from 'vitest';
import { openExternalAfterConfirm, type ExternalLinkDeps, type LinkDialogOptions } from './external-links';
import { windowOpenHandler } from './hardening';

const OPEN = 0;
const CANCEL = 1;

/** Fake Electron dialog/shell: answers the dialog with `response`; openExternal resolves or rejects with `openError`. */
function fakes(response: number, openError?: Error) {
  const dialogs: Array<{ parent: unknown; options: LinkDialogOptions }> = [];
  const opened: string[] = [];
  const errorBoxes: Array<[string, string]> = [];
  const logs: string[] = [];
  const deps: ExternalLinkDeps<{ id: string }> = {
    parentWindow: { id: 'main' },
    showMessageBox: vi.fn(async (parent, options) => { dialogs.push({ parent, options }); return { response }; }),
    openExternal: vi.fn(async (url) => { opened.push(url); if (openError) throw openError; }),
    showErrorBox: (title, content) => { errorBoxes.push([title, content]); },
    log: (m) => logs.push(m),
  };
  return { deps, dialogs, opened, errorBoxes, logs };
}

describe('openExternalAfterConfirm', () => {
  it('never shows the dialog for javascript:, file:, data:, custom schemes or garbage', async () => {
    const f = fakes(OPEN);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'smb://host/share', 'ms-msdt:/id x', 'not a url', '']) {
      expect(await openExternalAfterConfirm(url, f.deps), url).toBe('refused');
    }
    expect(f.deps.showMessageBox).not.toHaveBeenCalled();
    expect(f.opened).toEqual([]);
  });

  it('asks with the exact host and full URL, Cancel the default, and Cancel opens nothing', async () => {
    const f = fakes(CANCEL);
    const url = 'https://example.org/path?q=1#frag';
    expect(await openExternalAfterConfirm(url, f.deps)).toBe('cancelled');
    expect(f.dialogs).toHaveLength(1);
    const { parent, options } = f.dialogs[0]!;
    expect(parent).toEqual({ id: 'main' });
    expect(options).toMatchObject({ message: 'Open this link in your browser?', buttons: ['Open', 'Cancel'], defaultId: CANCEL, cancelId: CANCEL });
    expect(options.detail).toContain('Site: example.org');
    expect(options.detail).toContain(url);
    expect(f.opened).toEqual([]);
  });

  it('shows a look-alike (IDN) host in its punycode form', async () => {
    const f = fakes(CANCEL);
    await openExternalAfterConfirm('https://exämple.org/', f.deps);
    expect(f.dialogs[0]?.options.detail).toContain('Site: xn--exmple-cua.org');
  });

  it('Open opens exactly the confirmed URL, exactly once', async () => {
    const f = fakes(OPEN);
    expect(await openExternalAfterConfirm('https://example.org/a?b=1', f.deps)).toBe('opened');
    expect(f.opened).toEqual(['https://example.org/a?b=1']);
    const m = fakes(OPEN);
    expect(await openExternalAfterConfirm('mailto:a@b.c', m.deps)).toBe('opened');
    expect(m.dialogs[0]?.options.detail).toContain('Email to: a@b.c');
    expect(m.opened).toEqual(['mailto:a@b.c']);
  });

  it('an openExternal rejection is caught, logged and shown in an error box', async () => {
    const f = fakes(OPEN, new Error('No application is registered for https'));
    expect(await openExternalAfterConfirm('https://example.org/', f.deps)).toBe('failed');
    expect(f.errorBoxes).toEqual([['Could not open the link', 'https://example.org/\n\nNo application is registered for https']]);
    expect(f.logs.join('\n')).toMatch(/could not open https:\/\/example\.org\/: No application is registered/);
  });

  it('a failing dialog is reported the same way and opens nothing', async () => {
    const f = fakes(OPEN);
    f.deps.showMessageBox = () => Promise.reject(new Error('dialog unavailable'));
    expect(await openExternalAfterConfirm('https://example.org/', f.deps)).toBe('failed');
    expect(f.opened).toEqual([]);
    expect(f.errorBoxes[0]?.[1]).toMatch(/dialog unavailable/);
  });

  it('wired into the window-open handler: denies the window, asks once, opens once, and a rejection stays handled', async () => {
    const f = fakes(OPEN, new Error('xdg-open failed'));
    const handler = windowOpenHandler((url) => openExternalAfterConfirm(url, f.deps));
    expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(f.errorBoxes).toHaveLength(1));
    expect(f.dialogs).toHaveLength(1);
    expect(f.opened).toEqual(['https://example.org/']);
  });

  it('an error box that cannot be shown either is logged, and the flow still ends as failed', async () => {
    const f = fakes(OPEN, new Error('xdg-open failed'));
    f.deps.showErrorBox = () => { throw new Error('no display'); };
    expect(await openExternalAfterConfirm('https://example.org/', f.deps)).toBe('failed');
    expect(f.logs).toEqual([
      '[external-links] could not open https://example.org/: xdg-open failed',
      '[external-links] could not show the error box: no display',
    ]);
  });
});
