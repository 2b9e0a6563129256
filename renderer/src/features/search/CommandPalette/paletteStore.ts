/** The command palette's own Spotlight store (so other spotlights could exist), and a way to select its first action after async results. */
import { createSpotlight } from '@mantine/spotlight';

export const [paletteStore, palette] = createSpotlight();

export const PALETTE_LIST_ID = 'command-palette-list';

/**
 * Spotlight selects the first action when the query changes, but search results arrive later (debounced):
 * select the first action again once they are drawn, so Enter opens the best hit.
 */
export function selectFirstAction(): void {
  const list = document.getElementById(PALETTE_LIST_ID);
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list.querySelector('[data-action]');
  first?.setAttribute('data-selected', 'true');
  paletteStore.updateState((s) => ({ ...s, selected: first ? 0 : -1 }));
}
