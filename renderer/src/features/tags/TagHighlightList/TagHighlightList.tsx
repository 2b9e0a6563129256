/** Every highlight carrying a tag, across all sources; a click opens the reader at that highlight. */
import { Alert, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useHighlightsByTag, useSources } from '../../../api/hooks';
import { HIGHLIGHT_SWATCH } from '../../common/lib/highlightColors';
import { navigate } from '../../../routes/useRoute';
import classes from './TagHighlightList.module.css';
import { highlightText } from '../../../../../shared/dossier/pages';

export function TagHighlightList({ tagId }: { tagId: string }) {
  const { data: highlights, error, loading } = useHighlightsByTag(tagId);
  const { data: sources } = useSources();
  const titleOf = useMemo(() => new Map((sources ?? []).map((s) => [s.id, s.meta.title])), [sources]);

  if (error && !highlights) return <Alert color="red" title="Could not load the highlights">{error.message}</Alert>;
  if (!highlights) return loading ? <Loader size="sm" /> : null;
  if (highlights.length === 0) {
    return <Text size="sm" c="dimmed" data-testid="tag-highlights">No highlight carries this tag yet.</Text>;
  }
  return (
    <Stack gap="xs" data-testid="tag-highlights">
      {highlights.map((h) => (
        <Paper key={h.id} withBorder radius="sm" className={classes.card}>
          <UnstyledButton
            className={classes.item}
            style={{ borderLeftColor: HIGHLIGHT_SWATCH[h.color] }}
            onClick={() => navigate({ name: 'reader', sourceId: h.sourceId, highlightId: h.id })}
            data-testid="tag-highlight" data-highlight-id={h.id} data-source-id={h.sourceId}
          >
            <Text className={classes.quote} lineClamp={4}>{highlightText(h)}</Text>
            <Text size="xs" c="dimmed" mt={6}>{titleOf.get(h.sourceId) ?? 'Unknown source'}</Text>
            {h.note && <Text size="sm" mt={4} className={classes.note}>{h.note}</Text>}
          </UnstyledButton>
        </Paper>
      ))}
    </Stack>
  );
}
