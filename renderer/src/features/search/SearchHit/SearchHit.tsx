/** A search hit as text: its title, the snippet and any matched claimant/subject names with the matched words marked (<mark>). */
import { Badge, Group, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { SearchHit as Hit } from '../../../../../shared/search/types';
import { KIND_SINGULAR } from '../searchTargets';
import { snippetPieces } from '../snippetMarks';
import classes from './SearchHit.module.css';

function Marked({ text, matches }: { text: string; matches: Hit['matches'] }) {
  return snippetPieces(text, matches).map((p, i) => (p.match ? <mark key={i} className={classes.mark}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>));
}

function SearchSnippet({ hit, lines = 2, strong = false }: { hit: Hit; lines?: number; strong?: boolean }) {
  return (
    <Text size="sm" lineClamp={lines} className={strong ? classes.strongSnippet : classes.snippet} data-testid="hit-snippet">
      <Marked text={hit.snippet} matches={hit.matches} />
    </Text>
  );
}

/** Why a claim matched when its statement alone does not say: "claimant: Recep Tayyip Erdoğan", the matched words marked. */
function MatchedIn({ hit }: { hit: Hit }) {
  return hit.matchedIn?.map((m, i) => (
    <Text key={i} size="xs" className={classes.secondary} truncate data-testid="hit-matched-in">
      {m.field}: <Marked text={m.text} matches={m.matches} />
    </Text>
  ));
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
      <MatchedIn hit={hit} />
    </div>
  );
}
