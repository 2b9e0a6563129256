/** Ctrl/⌘+K command palette (Mantine Spotlight): search hits grouped by kind with matches marked, and the app's commands. */
import '@mantine/spotlight/styles.css';
import { Group, Loader, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { Spotlight, useSpotlight } from '@mantine/spotlight';
import { useEffect, useMemo, useState } from 'react';
import { runMenuCommand } from '../../../api/desktopCommands';
import { createBackup } from '../../../api/maintenanceMutations';
import { redo, undo } from '../../../api/mutations';
import { notifySuccess } from '../../../api/notify';
import { useSearch, useSearchIndexStatus } from '../../../api/searchHooks';
import { groupHits, KIND_LABEL, routeForHit } from '../searchTargets';
import { NO_FILTERS, searchRequestOf } from '../../../routes/searchRoute';
import { navigate } from '../../../routes/useRoute';
import { IconSearch } from '../../common/Icons/Icons';
import { SearchHitBody } from '../SearchHit/SearchHit';
import { matchCommands, paletteCommands, type PaletteCommand } from './paletteCommands';
import { PALETTE_LIST_ID, paletteStore, selectFirstAction } from './paletteStore';
import classes from './CommandPalette.module.css';

const LIMIT = 40;
/** Many passages of one long source would bury the other kinds; "All results" shows the rest. */
const PER_GROUP = 6;

function CommandGroup({ commands }: { commands: PaletteCommand[] }) {
  if (commands.length === 0) return null;
  return (
    <Spotlight.ActionsGroup label="Commands">
      {commands.map((c) => (
        <Spotlight.Action key={c.id} label={c.label} description={c.description} onClick={c.run} data-testid="palette-command" data-command={c.id} />
      ))}
    </Spotlight.ActionsGroup>
  );
}

export function CommandPalette() {
  const [query, setQuery] = useState('');
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const { opened } = useSpotlight(paletteStore);
  const status = useSearchIndexStatus(opened);
  const q = query.trim();
  const search = useSearch(opened && q ? searchRequestOf(q, NO_FILTERS, LIMIT) : null);
  const answered = search.answered?.q === q;

  const commands = useMemo(() => paletteCommands({
    go: navigate,
    // The same handlers as the application menu's (MenuCommands, or the screen that owns the state).
    openPaste: () => runMenuCommand('pasteText'),
    // Synchronously inside the click, so the browser lets the file picker open.
    importFiles: () => runMenuCommand('import'),
    importUrl: () => runMenuCommand('importUrl'),
    exportDossier: () => runMenuCommand('exportDossier'),
    backupNow: () => void backUpNow(),
    toggleColorScheme: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
    undo: () => void undo(),
    redo: () => void redo(),
  }), [setColorScheme, scheme]);
  const matching = useMemo(() => matchCommands(commands, q), [commands, q]);
  const groups = useMemo(() => (answered ? groupHits(search.hits, PER_GROUP) : []), [answered, search.hits]);

  // Results arrive after the query changed: make the best one the one Enter opens.
  useEffect(() => {
    if (opened) requestAnimationFrame(selectFirstAction);
  }, [opened, groups, matching]);

  // Commands come first when the words name one; otherwise what was found comes first.
  const commandsFirst = q === '' || matching.length > 0;
  const nothing = answered && !search.loading && groups.length === 0 && matching.length === 0;

  return (
    <>
      <Spotlight.Root
        store={paletteStore} query={query} onQueryChange={setQuery} shortcut={['mod + K']} tagsToIgnore={[]} triggerOnContentEditable
        scrollable maxHeight="min(560px, 70vh)" size={680} data-testid="spotlight-root"
      >
        <Spotlight.Search
          placeholder="Search everything, or type a command" leftSection={<IconSearch size={18} />}
          rightSection={search.loading ? <Loader size={14} /> : null} data-testid="spotlight" aria-label="Search or run a command"
        />
        {!status.ready && (
          <Text size="xs" c="orange" px="md" pt={6} data-testid="index-building">Index still building… ({Math.round(status.progress * 100)}%) results may be incomplete</Text>
        )}
        <Spotlight.ActionsList id={PALETTE_LIST_ID} data-testid="palette-list">
          {commandsFirst && <CommandGroup commands={matching} />}
          {groups.map((g) => (
            <Spotlight.ActionsGroup key={g.kind} label={KIND_LABEL[g.kind]}>
              {g.hits.map((hit, i) => (
                <Spotlight.Action
                  key={`${hit.kind}:${hit.id}:${hit.start ?? i}`} onClick={() => navigate(routeForHit(hit))}
                  data-testid="palette-result" data-kind={hit.kind} className={classes.hit}
                >
                  <SearchHitBody hit={hit} />
                </Spotlight.Action>
              ))}
            </Spotlight.ActionsGroup>
          ))}
          {q && answered && (
            <Spotlight.Action onClick={() => navigate({ name: 'search', q, filters: NO_FILTERS })} data-testid="palette-all-results">
              <Group gap={6}><IconSearch size={14} /><Text size="sm">All results for “{q}”, with filters</Text></Group>
            </Spotlight.Action>
          )}
          {!commandsFirst && <CommandGroup commands={matching} />}
          {nothing && <Text size="sm" c="dimmed" ta="center" py="md">Nothing found for “{q}”.</Text>}
          {search.error && <Text size="sm" c="red" px="md" py="xs">{search.error}</Text>}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}

async function backUpNow(): Promise<void> {
  const made = await createBackup();
  if (made) notifySuccess('Backup taken', `Verified backup taken at ${new Date(made.createdAt).toLocaleTimeString()}.`);
}
