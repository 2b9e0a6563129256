/** A search hit as text: its title, and the snippet with the matched words marked (<mark>), as the palette and results screen show it. */
import { Badge, Group, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { SearchHit as Hit } from '../../../../shared/search/types';
import { KIND_SINGULAR } from '../../lib/searchTargets';
import { snippetPieces } from '../../lib/snippetMarks';
import classes from './SearchHit.module.css';

export function SearchSnippet({ hit, lines = 2, strong = false }: { hit: Hit; lines?: number; strong?: boolean }) {
  return (
    <Text size="sm" lineClamp={lines} className={strong ? classes.strongSnippet : classes.snippet} data-testid="hit-snippet">
      {snippetPieces(hit.snippet, hit.matches).map((p, i) => (p.match ? <mark key={i} className={classes.mark}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </Text>
  );
}

/** Passages lead with the text found (their title is the source's, the same for many hits); other kinds with their title. */
export function SearchHitBody({ hit, showKind = false }: { hit: Hit; showKind?: boolean }) {
  const kind = showKind && <Badge size="xs" variant="light" color="gray" className={classes.kind}>{KIND_SINGULAR[hit.kind]}</Badge>;
  if (hit.kind === 'source') {
    return (
      <div className={classes.body}>
        <SearchSnippet hit={hit} strong />
        <Group gap={6} wrap="nowrap" mt={2}>
          {kind}
          <Text size="xs" className={classes.secondary} truncate>{hit.title}</Text>
        </Group>
      </div>
    );
  }
  return (
    <div className={classes.body}>
      <Group gap={6} wrap="nowrap">
        {kind}
        <Text size="sm" fw={600} truncate>{hit.title}</Text>
      </Group>
      {hit.snippet && <SearchSnippet hit={hit} />}
    </div>
  );
}
