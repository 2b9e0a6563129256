/** A passage as a quote with its source title; a click opens the reader at exactly that passage. */
import { Group, Text } from '@mantine/core';
import type { PassageRef } from '../../../../../shared/contract/views-analysis';
import { areaLabel } from '../../../../../shared/dossier/pages';
import { passageRoute, trimContext } from '../lib/passageLinks';
import { hrefFor } from '../../../routes/useRoute';
import classes from './PassageQuote.module.css';

export interface PassageQuoteProps {
  passage: PassageRef;
  testId?: string;
  /** Show a little text before and after (for mentions, where the match alone says little). */
  withContext?: boolean;
}

export function PassageQuote({ passage, testId = 'passage', withContext = false }: PassageQuoteProps) {
  const mention = passage.highlightId === null;
  return (
    <a
      href={hrefFor(passageRoute(passage))} className={classes.link} data-testid={testId}
      data-mention={mention || undefined} data-highlight-id={passage.highlightId ?? undefined} data-source-id={passage.sourceId}
      title="Open in the reader"
    >
      <blockquote className={classes.quote}>
        {withContext && passage.prefix && <span className={classes.context}>{trimContext(passage.prefix, 'prefix')}</span>}
        {passage.area
          ? <span data-testid="passage-area">{areaLabel(passage.area)}</span>
          : <span className={withContext ? classes.exact : undefined}>{passage.exact}</span>}
        {withContext && passage.suffix && <span className={classes.context}>{trimContext(passage.suffix, 'suffix')}</span>}
      </blockquote>
      <Group gap={6} mt={4} wrap="nowrap">
        <Text size="xs" c="dimmed" truncate data-testid="passage-source">
          — {passage.sourceTitle || 'Untitled'}{passage.page && !passage.area ? `, ${passage.page}` : ''}
        </Text>
        {mention && <Text size="xs" c="dimmed" fs="italic" style={{ flexShrink: 0 }}>text mention</Text>}
      </Group>
    </a>
  );
}
