/** Names and colours of the ACH ratings, from consistent (green) to inconsistent (red), readable in light and dark. */
import type { AchRating } from '../../../../shared/domain/analysis/ach';

export const RATING_LABEL: Record<AchRating, string> = {
  CC: 'Very consistent', C: 'Consistent', N: 'Neutral / not applicable', I: 'Inconsistent', II: 'Very inconsistent',
};

/**
 * Mantine's scheme-aware variables: "filled" for the strong ratings (white text on the colour), "light" for the
 * mild ones (tinted background, text in the colour), so each stays legible on a light or a dark page.
 */
export const RATING_STYLE: Record<AchRating | 'none', { background: string; color: string }> = {
  CC: { background: 'var(--mantine-color-green-filled)', color: 'var(--mantine-color-white)' },
  C: { background: 'var(--mantine-color-green-light)', color: 'var(--mantine-color-green-light-color)' },
  N: { background: 'var(--mantine-color-gray-light)', color: 'var(--mantine-color-gray-light-color)' },
  I: { background: 'var(--mantine-color-red-light)', color: 'var(--mantine-color-red-light-color)' },
  II: { background: 'var(--mantine-color-red-filled)', color: 'var(--mantine-color-white)' },
  none: { background: 'transparent', color: 'var(--mantine-color-dimmed)' },
};

/** Hypothesis labels by id, quoted and in the matrix's column order, for the sensitivity sentences (“A”, or “A” and “B”). */
export const labelsOf = (hypotheses: ReadonlyArray<{ id: string; label: string }>, ids: readonly string[]): string => {
  const names = hypotheses.filter((h) => ids.includes(h.id)).map((h) => `“${h.label}”`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
};

/** "would lead", or "would tie" when several would share the lead. */
export const wouldLead = (ids: readonly string[]): string => (ids.length > 1 ? 'would tie' : 'would lead');
