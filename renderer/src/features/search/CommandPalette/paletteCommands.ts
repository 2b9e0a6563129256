/** The palette's commands (the application menu's for browser mode: navigation, import, paste, export, backup, undo/redo; plus colour scheme) and how typed text picks them. */
import type { Route } from '../../../routes/route';

export interface PaletteCommand {
  id: string;
  label: string;
  description?: string;
  keywords: string[];
  run: () => void;
}

export interface CommandDeps {
  go: (route: Route) => void;
  openPaste: () => void;
  importFiles: () => void;
  importUrl: () => void;
  exportDossier: () => void;
  backupNow: () => void;
  toggleColorScheme: () => void;
  undo: () => void;
  redo: () => void;
}

export function paletteCommands(d: CommandDeps): PaletteCommand[] {
  const go = (id: string, label: string, route: Route, keywords: string[]): PaletteCommand => ({
    id, label: `Go to ${label}`, keywords: ['go', 'open', 'screen', ...keywords], run: () => d.go(route),
  });
  return [
    go('go-library', 'Library', { name: 'library' }, ['sources', 'articles']),
    go('go-tags', 'Tags', { name: 'tags', tagId: null }, ['labels']),
    go('go-entities', 'Entities', { name: 'entities' }, ['people', 'organisations', 'places']),
    go('go-claims', 'Claims', { name: 'claims', claimId: null }, ['statements', 'grades']),
    go('go-graph', 'Graph', { name: 'graph' }, ['network', 'relationships']),
    go('go-dossiers', 'Dossiers', { name: 'dossiers' }, ['reports', 'export', 'pdf']),
    { id: 'paste', label: 'Paste text…', description: 'Import pasted text as a new source', keywords: ['import', 'new', 'source'], run: d.openPaste },
    { id: 'import', label: 'Import…', description: 'Files: .txt, .md, .html, .pdf', keywords: ['files', 'open', 'upload', 'source', 'pdf', 'html'], run: d.importFiles },
    { id: 'import-url', label: 'Import from URL…', description: 'Capture web pages by their address', keywords: ['web', 'link', 'address', 'capture', 'fetch', 'source', 'page'], run: d.importUrl },
    { id: 'export-dossier', label: 'Export dossier…', description: 'PDF, Markdown, HTML or JSON', keywords: ['report', 'pdf', 'markdown', 'html', 'json', 'save'], run: d.exportDossier },
    { id: 'backup', label: 'Back up now', description: 'A verified copy of the workspace', keywords: ['backup', 'save', 'copy', 'safety'], run: d.backupNow },
    { id: 'theme', label: 'Toggle colour scheme', description: 'Light or dark', keywords: ['dark', 'light', 'theme', 'color', 'mode'], run: d.toggleColorScheme },
    { id: 'undo', label: 'Undo', description: 'Ctrl+Z', keywords: ['revert', 'back'], run: d.undo },
    { id: 'redo', label: 'Redo', description: 'Ctrl+Shift+Z', keywords: ['again'], run: d.redo },
  ];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Every typed word must start a word of the label or a keyword ("go lib" finds "Go to Library"). */
export function matchCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((c) => {
    const haystack = fold([c.label, ...c.keywords].join(' ')).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return words.every((w) => haystack.some((h) => h.startsWith(w)));
  });
}
