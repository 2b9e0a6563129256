/** The app-wide answers to menu commands (application menu and palette): screens, Find, Undo/Redo, data changed by main, and fallbacks for Import, Paste text, Import from URL and Export dossier. */
import { useRef, useState } from 'react';
import type { MenuCommand } from '../../../../../shared/contract/desktop';
import { useMenuCommand } from '../../../api/desktopCommands';
import { redo, refreshEverything, undo } from '../../../api/mutations';
import type { Route } from '../../../routes/route';
import { navigate } from '../../../routes/useRoute';
import { ACCEPTED_EXTENSIONS, useFileImport } from '../../library/LibraryScreen/useFileImport';
import { PasteTextModal } from '../../library/PasteTextModal/PasteTextModal';
import { ImportUrlModal } from '../../library/ImportUrlModal/ImportUrlModal';
import { palette } from '../../search/CommandPalette/paletteStore';
import { menuHistoryStep } from '../lib/menuHistory';

function useGoCommand(command: MenuCommand, route: Route) {
  useMenuCommand(command, () => navigate(route));
}

function historyStep(action: 'undo' | 'redo') {
  menuHistoryStep(action, document.activeElement, {
    // execCommand is deprecated but remains the only way to step a field's own undo stack from script.
    inField: (a) => void document.execCommand(a),
    workbench: (a) => void (a === 'undo' ? undo() : redo()),
  });
}

export function MenuCommands() {
  const [pasteOpen, setPasteOpen] = useState(false);
  const [urlOpen, setUrlOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const { importFiles } = useFileImport();

  useGoCommand('goLibrary', { name: 'library' });
  useGoCommand('goTags', { name: 'tags', tagId: null });
  useGoCommand('goEntities', { name: 'entities' });
  // "Analysis" in the menu's command name is the Claims screen of the navigation.
  useGoCommand('goAnalysis', { name: 'claims', claimId: null });
  useGoCommand('goGraph', { name: 'graph' });
  useGoCommand('goDossiers', { name: 'dossiers' });
  useMenuCommand('find', () => palette.open());
  useMenuCommand('undo', () => historyStep('undo'));
  useMenuCommand('redo', () => historyStep('redo'));
  // Main changed the data behind the screens (a file imported on a second launch): the lists load it in place.
  useMenuCommand('dataChanged', () => void refreshEverything());
  // Screens that own these (the library, an open dossier) register their own; these answer everywhere else.
  useMenuCommand('import', () => fileInput.current?.click(), { fallback: true });
  useMenuCommand('pasteText', () => setPasteOpen(true), { fallback: true });
  useMenuCommand('importUrl', () => setUrlOpen(true), { fallback: true });
  useMenuCommand('exportDossier', () => navigate({ name: 'dossiers' }), { fallback: true });

  return (
    <>
      <PasteTextModal opened={pasteOpen} onClose={() => setPasteOpen(false)} />
      <ImportUrlModal opened={urlOpen} prefill="" onClose={() => setUrlOpen(false)} />
      <input
        ref={fileInput} type="file" multiple hidden accept={ACCEPTED_EXTENSIONS.join(',')} data-testid="menu-import-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length === 0) return;
          navigate({ name: 'library' });
          importFiles(files);
        }}
      />
    </>
  );
}
