/** The header search box: Enter opens the results screen; it shows the current search (else nothing); the Ctrl/⌘ K hint opens the palette. */
import { Kbd, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { NO_FILTERS } from '../../../routes/searchRoute';
import { navigate, useRoute } from '../../../routes/useRoute';
import { IconSearch } from '../../common/Icons/Icons';
import { palette } from '../CommandPalette/paletteStore';
import classes from './HeaderSearch.module.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function HeaderSearch() {
  const route = useRoute();
  const current = route.name === 'search' ? route.q : '';
  const [value, setValue] = useState(current);
  // Whenever the route changes (a search from the palette or the results screen, Back, leaving search) the box
  // shows the search now on screen, or nothing: never a query that is no longer the current one.
  const [shownFor, setShownFor] = useState(route);
  if (shownFor !== route) {
    setShownFor(route);
    setValue(current);
  }
  return (
    <TextInput
      className={classes.input} placeholder="Search" aria-label="Search the workspace" value={value} data-testid="search-input"
      leftSection={<IconSearch size={16} />}
      rightSectionWidth={64}
      rightSection={(
        <UnstyledButton onClick={() => palette.open()} aria-label={`${isMac ? '⌘' : 'Ctrl'} K: open the command palette`} title="Command palette" data-testid="palette-open">
          <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd> <Kbd size="xs">K</Kbd>
        </UnstyledButton>
      )}
      onChange={(e) => setValue(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && value.trim()) navigate({ name: 'search', q: value.trim(), filters: NO_FILTERS });
        if (e.key === 'Escape') setValue('');
      }}
    />
  );
}
