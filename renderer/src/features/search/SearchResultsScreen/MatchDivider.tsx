/** Marks where the results stop matching the words as typed: partial words, then similar spellings (instead of a bare score per hit). */
import { Divider, Text } from '@mantine/core';
import type { MatchKind } from '../../../../../shared/search/types';

const LABEL: Readonly<Record<Exclude<MatchKind, 'exact'>, { label: string; title: string }>> = {
  prefix: { label: 'Partial-word matches', title: 'A word you typed matched the beginning of a longer word.' },
  fuzzy: { label: 'Similar spellings', title: 'No exact match: a word you typed matched a word spelled a little differently.' },
};

/** Shown before the first hit of a weaker match kind (exact matches need no label: they are the norm). */
export function MatchDivider({ match, previous }: { match: MatchKind | undefined; previous: MatchKind | undefined }) {
  if (!match || match === 'exact' || match === previous) return null;
  const { label, title } = LABEL[match];
  return (
    <Divider
      my={4} labelPosition="left" data-testid="search-match-divider"
      label={<Text size="xs" c="dimmed" title={title}>{label}</Text>}
    />
  );
}
