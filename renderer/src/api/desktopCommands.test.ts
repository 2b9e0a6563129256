/** Menu commands reach the handler of the component that owns the state: a screen's own before the app-wide fallback, from the bridge and the palette alike. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge, MenuCommand } from '../../../shared/contract/desktop';

async function load(withBridge: boolean) {
  vi.resetModules();
  let emit: ((c: MenuCommand) => void) | null = null;
  const bridge: Partial<DesktopBridge> = { platform: 'linux', onCommand: (l) => { emit = l; return () => { emit = null; }; } };
  vi.stubGlobal('window', withBridge ? { workbenchDesktop: bridge } : {});
  const mod = await import('./desktopCommands');
  return { ...mod, emit: (c: MenuCommand) => emit?.(c) };
}

afterEach(() => vi.unstubAllGlobals());

describe('menu commands in the renderer', () => {
  it('a command from the application menu runs the registered handler; none registered, nothing runs', async () => {
    const m = await load(true);
    const got: string[] = [];
    const off = m.registerMenuCommand('goGraph', () => got.push('graph'));
    m.emit('goGraph');
    m.emit('goTags');
    expect(got).toEqual(['graph']);
    off();
    m.emit('goGraph');
    expect(got).toEqual(['graph']);
    expect(m.hasNativeReaderMenu).toBe(true);
  });

  it('a screen’s own handler wins over the app-wide fallback, whatever the mount order; the fallback returns when the screen goes', async () => {
    const m = await load(false);
    const got: string[] = [];
    const offScreen = m.registerMenuCommand('exportDossier', () => got.push('open export menu'));
    m.registerMenuCommand('exportDossier', () => got.push('go to dossiers'), true);
    expect(m.runMenuCommand('exportDossier')).toBe(true);
    offScreen();
    m.runMenuCommand('exportDossier');
    expect(got).toEqual(['open export menu', 'go to dossiers']);
    expect(m.runMenuCommand('find')).toBe(false);
    // Browser mode: no native menu, and no bridge to ask.
    expect(m.hasNativeReaderMenu).toBe(false);
    await expect(m.nativeReaderMenu(1, 2)).resolves.toBeNull();
  });
});
