/**
 * `Menu` / `MenuItem`: templates kept as built, the application menu and popups recorded, and clickMenuItem to
 * "click" an item by its label path (its click handler, or what Electron does for its role).
 */
import type { DoubleContext } from './context';
import type { BrowserWindowDouble } from './browser-window';

type Template = Record<string, unknown>;

/** Electron's default labels for the roles the app uses without a label. */
const ROLE_LABELS: Record<string, string> = {
  fileMenu: 'File', editMenu: 'Edit', viewMenu: 'View', windowMenu: 'Window', help: 'Help', shareMenu: 'Share',
  undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All', delete: 'Delete',
  quit: 'Quit', close: 'Close Window', minimize: 'Minimize', reload: 'Reload', toggleDevTools: 'Toggle Developer Tools',
  togglefullscreen: 'Toggle Full Screen', about: 'About', resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out',
};

export function menuModule(ctx: DoubleContext) {
  let applicationMenu: MenuDouble | null = null;
  const popups: { menu: MenuDouble; options: Record<string, unknown> }[] = [];

  class MenuItemDouble {
    label: string;
    role?: string;
    type: string;
    id?: string;
    accelerator?: string;
    enabled: boolean;
    visible: boolean;
    checked: boolean;
    click?: (item: MenuItemDouble, win: BrowserWindowDouble | undefined, event: Record<string, boolean>) => void;
    submenu?: MenuDouble;
    readonly options: Template;
    constructor(options: Template) {
      this.options = options;
      this.role = options.role as string | undefined;
      this.label = (options.label as string | undefined) ?? (this.role === 'appMenu' ? ctx.app.getName() : ROLE_LABELS[this.role ?? ''] ?? '');
      this.type = (options.type as string | undefined) ?? (options.submenu ? 'submenu' : 'normal');
      this.id = options.id as string | undefined;
      this.accelerator = options.accelerator as string | undefined;
      this.enabled = options.enabled !== false;
      this.visible = options.visible !== false;
      this.checked = Boolean(options.checked);
      this.click = options.click as MenuItemDouble['click'];
      const sub = options.submenu;
      this.submenu = sub instanceof MenuDouble ? sub : Array.isArray(sub) ? MenuDouble.buildFromTemplate(sub as Template[]) : undefined;
    }
  }

  class MenuDouble {
    readonly items: MenuItemDouble[] = [];
    template: Template[] | null = null;
    append(item: MenuItemDouble): void { this.items.push(item); }
    insert(pos: number, item: MenuItemDouble): void { this.items.splice(pos, 0, item); }
    getMenuItemById(id: string): MenuItemDouble | null {
      for (const item of this.items) {
        if (item.id === id) return item;
        const inner = item.submenu?.getMenuItemById(id);
        if (inner) return inner;
      }
      return null;
    }
    popup(options: Record<string, unknown> = {}): void { popups.push({ menu: this, options }); }
    closePopup(): void { ctx.record('menu.closePopup'); }

    static buildFromTemplate(template: Template[]): MenuDouble {
      const m = new MenuDouble();
      m.template = template;
      for (const t of template) m.append(t instanceof MenuItemDouble ? t : new MenuItemDouble(t));
      return m;
    }
    static setApplicationMenu(menu: MenuDouble | null): void { applicationMenu = menu; }
    static getApplicationMenu(): MenuDouble | null { return applicationMenu; }
  }

  /** What Electron does for a role item without a click handler (the edit roles act on the focused page). */
  function performRole(role: string, win: BrowserWindowDouble | undefined): void {
    const wc = win?.webContents as unknown as Record<string, (() => void) | undefined> | undefined;
    if (role === 'quit') ctx.app.quit();
    else if (role === 'close') win?.close();
    else if (role === 'minimize') win?.minimize();
    else if (role === 'about') ctx.app.showAboutPanel();
    else if (wc && typeof wc[role] === 'function') wc[role]!();
    else if (role === 'toggleDevTools') win?.webContents.openDevTools();
    else ctx.record('menu.role', role);
  }

  /** Clicks the item at `labels` (e.g. ['File', 'Import…']) as a user would: refused when disabled or hidden. */
  function clickMenuItem(menu: MenuDouble | null, labels: string[], opts: { window?: BrowserWindowDouble; shiftKey?: boolean } = {}): MenuItemDouble {
    if (!menu) throw new Error('No menu to click in');
    let items = menu.items;
    let item: MenuItemDouble | undefined;
    for (const [i, label] of labels.entries()) {
      item = items.find((x) => x.label === label && x.type !== 'separator');
      if (!item) throw new Error(`No menu item "${labels.slice(0, i + 1).join(' › ')}" (have: ${items.map((x) => x.label || x.role).join(', ')})`);
      if (!item.enabled || !item.visible) throw new Error(`Menu item "${labels.slice(0, i + 1).join(' › ')}" is ${item.enabled ? 'hidden' : 'disabled'}`);
      items = item.submenu?.items ?? [];
    }
    const win = opts.window ?? ctx.focused ?? undefined;
    if (item!.type === 'checkbox') item!.checked = !item!.checked;
    if (item!.type === 'radio') item!.checked = true;
    if (item!.click) item!.click(item!, win, { shiftKey: Boolean(opts.shiftKey), ctrlKey: false, altKey: false, metaKey: false, triggeredByAccelerator: false });
    else if (item!.role) performRole(item!.role, win);
    return item!;
  }

  return { Menu: MenuDouble, MenuItem: MenuItemDouble, popups, clickMenuItem, applicationMenu: () => applicationMenu };
}
