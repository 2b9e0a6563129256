import { describe, expect, it } from 'vitest';
import type { Route } from '../../../routes/route';
import { matchCommands, paletteCommands } from './paletteCommands';

const visited: Route[] = [];
const commands = paletteCommands({
  go: (r) => visited.push(r), openPaste: () => {}, importFiles: () => {}, importUrl: () => {}, exportDossier: () => {}, backupNow: () => {},
  toggleColorScheme: () => {}, undo: () => {}, redo: () => {},
});

describe('palette commands', () => {
  it('matches word prefixes of labels and keywords, ignoring case and diacritics', () => {
    expect(matchCommands(commands, 'go lib').map((c) => c.id)).toEqual(['go-library']);
    expect(matchCommands(commands, 'DOSS').map((c) => c.id)).toEqual(['go-dossiers', 'export-dossier']);
    expect(matchCommands(commands, 'dárk').map((c) => c.id)).toEqual(['theme']);
    expect(matchCommands(commands, 'Erdogan')).toEqual([]);
    expect(matchCommands(commands, '  ')).toHaveLength(commands.length);
  });

  it('lists the application menu’s commands (browser mode has no menu bar)', () => {
    const labels = commands.map((c) => c.label);
    for (const l of ['Import…', 'Paste text…', 'Import from URL…', 'Export dossier…', 'Back up now', 'Undo', 'Redo', 'Go to Library', 'Go to Claims', 'Go to Dossiers']) expect(labels).toContain(l);
  });

  it('runs navigation commands to their screens', () => {
    matchCommands(commands, 'graph')[0]!.run();
    expect(visited).toEqual([{ name: 'graph' }]);
  });
});
