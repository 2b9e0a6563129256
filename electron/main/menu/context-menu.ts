/** Right-click menus: the editing menu (cut/copy/paste, spelling suggestions) and the reader's selection menu, as templates plus their installers. */
import type { BrowserWindow, ContextMenuParams, Menu as ElectronMenu, MenuItemConstructorOptions, PopupOptions } from 'electron';
import type { MenuCommand, ReaderMenuRequest } from '../../../shared/contract/desktop';

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

export type EditMenuParams = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions'>
  & { editFlags: Pick<ContextMenuParams['editFlags'], 'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'> };

export interface SpellingActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** Suggestions beyond the first few are noise in a context menu (every OS menu stops around five). */
const MAX_SUGGESTIONS = 5;

/**
 * The menu Chromium asks for on a right-click the page did not handle: editing commands in a text field (enabled as
 * the field allows), Copy on a plain selection, nothing elsewhere. Suggestions exist only where a spell checker runs
 * (macOS, see window-options.ts); an empty list then says so instead of hiding the misspelling.
 */
export function editContextMenuTemplate(params: EditMenuParams, spelling: SpellingActions): Item[] {
  if (params.isEditable) {
    const misspelled = params.misspelledWord.trim();
    const suggestions: Item[] = misspelled
      ? [
        ...(params.dictionarySuggestions.length > 0
          ? params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS).map((s): Item => ({ label: s, click: () => spelling.replaceMisspelling(s) }))
          : [{ label: 'No Guesses Found', enabled: false }]),
        separator,
        { label: 'Add to Dictionary', click: () => spelling.addToDictionary(params.misspelledWord) },
        separator,
      ]
      : [];
    return [
      ...suggestions,
      { role: 'cut', label: 'Cut', enabled: params.editFlags.canCut },
      { role: 'copy', label: 'Copy', enabled: params.editFlags.canCopy },
      { role: 'paste', label: 'Paste', enabled: params.editFlags.canPaste },
      separator,
      { role: 'selectAll', label: 'Select All', enabled: params.editFlags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', label: 'Copy', enabled: params.editFlags.canCopy }];
  return [];
}

/** The reader's selection menu; `resolve` gets the command chosen (Copy is the plain role and resolves nothing). */
export function readerMenuTemplate(resolve: (command: MenuCommand) => void): Item[] {
  return [
    { label: 'Highlight', click: () => resolve('highlight') },
    { label: 'Highlight and Tag…', click: () => resolve('highlightAndTag') },
    { label: 'Copy with Citation', click: () => resolve('copyWithCitation') },
    separator,
    { role: 'copy', label: 'Copy' },
  ];
}

/** The parts of Electron the installers use (fakes in tests). */
export interface ContextMenuDeps {
  Menu: { buildFromTemplate(template: Item[]): Pick<ElectronMenu, 'popup'> };
}

/** The parts of a WebContents the editing menu needs. */
export interface EditableContents {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): unknown;
  replaceMisspelling(word: string): void;
  session: { addWordToSpellCheckerDictionary(word: string): boolean };
}

/** Pops the editing menu on every right-click the page leaves to the app (the reader's selection is handled by the page). */
export function installContextMenus(contents: EditableContents, deps: ContextMenuDeps, windowOf: () => BrowserWindow | null = () => null): void {
  contents.on('context-menu', (_event, params) => {
    const template = editContextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length === 0) return;
    const win = windowOf();
    deps.Menu.buildFromTemplate(template).popup(win ? { window: win, x: params.x, y: params.y } : { x: params.x, y: params.y });
  });
}

/**
 * Electron may call the popup's close callback before the chosen item's click (it does on macOS and Windows), so
 * "closed without a choice" waits a moment for a click that is on its way.
 */
const CLICK_GRACE_MS = 150;

/** The desktop method `readerMenu`: pops the reader's menu at (x, y) in the caller's window and answers the command chosen, or null. */
export function readerMenuHandler(deps: ContextMenuDeps, windowOf: (sender: unknown) => BrowserWindow | null) {
  return (req: ReaderMenuRequest, event: { sender: unknown }): Promise<{ command: MenuCommand | null }> => new Promise((resolve) => {
    let settled = false;
    const settle = (command: MenuCommand | null) => {
      if (settled) return;
      settled = true;
      resolve({ command });
    };
    const win = windowOf(event.sender);
    const options: PopupOptions = {
      ...(win ? { window: win } : {}), x: req.x, y: req.y,
      callback: () => setTimeout(() => settle(null), CLICK_GRACE_MS),
    };
    deps.Menu.buildFromTemplate(readerMenuTemplate(settle)).popup(options);
  });
}
