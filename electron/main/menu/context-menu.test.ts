/** Right-click menus: editing items enabled as the field allows, spelling suggestions, Copy on a selection, the reader menu's answers. */
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editContextMenuTemplate, installContextMenus, readerMenuHandler, readerMenuTemplate, type EditMenuParams } from './context-menu';

type Item = MenuItemConstructorOptions;
const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const params = (p: Partial<EditMenuParams>): EditMenuParams => ({
  isEditable: false, selectionText: '', misspelledWord: '', dictionarySuggestions: [], editFlags: flags, ...p,
});
const spelling = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn() });
const labels = (t: Item[]) => t.map((i) => (i.type === 'separator' ? '—' : i.label));
const click = (i: Item | undefined) => (i?.click as unknown as () => void)();

describe('editing context menu', () => {
  it('in a text field: Cut, Copy, Paste, Select All, each enabled as the field says', () => {
    const t = editContextMenuTemplate(params({ isEditable: true, editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } }), spelling());
    expect(labels(t)).toEqual(['Cut', 'Copy', 'Paste', '—', 'Select All']);
    expect(t.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(t.filter((i) => i.role).map((i) => i.enabled)).toEqual([false, false, true, true]);
  });

  it('on a misspelled word: the suggestions (at most five) replace it, and Add to Dictionary adds it', () => {
    const s = spelling();
    const t = editContextMenuTemplate(params({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve', 'reprieve', 'recife', 'receiver', 'recital'] }), s);
    expect(labels(t)).toEqual(['receive', 'relieve', 'reprieve', 'recife', 'receiver', '—', 'Add to Dictionary', '—', 'Cut', 'Copy', 'Paste', '—', 'Select All']);
    click(t[1]);
    expect(s.replaceMisspelling).toHaveBeenCalledWith('relieve');
    click(t.find((i) => i.label === 'Add to Dictionary'));
    expect(s.addToDictionary).toHaveBeenCalledWith('recieve');
  });

  it('a misspelling without suggestions says so (disabled) and can still be added', () => {
    const t = editContextMenuTemplate(params({ isEditable: true, misspelledWord: 'Qx7zz' }), spelling());
    expect(t[0]).toMatchObject({ label: 'No Guesses Found', enabled: false });
    expect(labels(t)).toContain('Add to Dictionary');
  });

  it('on a plain selection only Copy; on nothing, no menu at all', () => {
    expect(labels(editContextMenuTemplate(params({ selectionText: 'Ankara said' }), spelling()))).toEqual(['Copy']);
    expect(editContextMenuTemplate(params({ selectionText: '  \n' }), spelling())).toEqual([]);
    expect(editContextMenuTemplate(params({}), spelling())).toEqual([]);
  });

  it('installContextMenus pops the menu at the click for a field, and nothing on an empty right-click', () => {
    let listener: ((e: unknown, p: ContextMenuParams) => void) | null = null;
    const popup = vi.fn();
    const built: Item[][] = [];
    const contents = {
      on: (_: 'context-menu', l: typeof listener) => { listener = l; },
      replaceMisspelling: vi.fn(), session: { addWordToSpellCheckerDictionary: vi.fn(() => true) },
    };
    installContextMenus(contents, { Menu: { buildFromTemplate: (t) => { built.push(t); return { popup }; } } });
    listener!({}, { ...params({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['the'] }), x: 10, y: 20 } as unknown as ContextMenuParams);
    expect(popup).toHaveBeenCalledWith({ x: 10, y: 20 });
    click(built[0]![0]);
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('the');
    click(built[0]!.find((i) => i.label === 'Add to Dictionary'));
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('teh');
    listener!({}, { ...params({}), x: 1, y: 1 } as unknown as ContextMenuParams);
    expect(popup).toHaveBeenCalledTimes(1);
  });
});

describe('reader selection menu', () => {
  afterEach(() => vi.useRealTimers());

  it('offers Highlight, Highlight and Tag…, Copy with Citation, then Copy', () => {
    const chosen: string[] = [];
    const t = readerMenuTemplate((c) => chosen.push(c));
    expect(labels(t)).toEqual(['Highlight', 'Highlight and Tag…', 'Copy with Citation', '—', 'Copy']);
    t.slice(0, 3).forEach(click);
    expect(chosen).toEqual(['highlight', 'highlightAndTag', 'copyWithCitation']);
    expect(t[4]!.role).toBe('copy');
  });

  it('answers the command clicked, even when the close callback came first (as on macOS and Windows)', async () => {
    vi.useFakeTimers();
    let template: Item[] = [];
    const popup = vi.fn((o: { callback?: () => void }) => {
      o.callback?.();
      click(template[2]);
    });
    const handler = readerMenuHandler({ Menu: { buildFromTemplate: (t) => { template = t; return { popup }; } } }, () => null);
    const answer = handler({ x: 40, y: 50 }, { sender: {} });
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual({ command: 'copyWithCitation' });
    expect(popup.mock.calls[0]![0]).toMatchObject({ x: 40, y: 50 });
  });

  it('answers null when the menu closes without a choice', async () => {
    vi.useFakeTimers();
    const handler = readerMenuHandler({ Menu: { buildFromTemplate: () => ({ popup: (o?: { callback?: () => void }) => o?.callback?.() }) } }, () => null);
    const answer = handler({ x: 0, y: 0 }, { sender: {} });
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual({ command: null });
  });
});
