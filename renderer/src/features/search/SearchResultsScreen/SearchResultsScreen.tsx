/** The full search screen (#/search?q=…): query, filters, and every hit; a hit opens the exact passage, highlight, claim, entity or dossier. */
import { Alert, Group, Loader, Stack, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { useSearch, useSearchIndexStatus } from '../../../api/searchHooks';
import { routeForHit } from '../searchTargets';
import { searchRequestOf, type SearchFilters as Filters } from '../../../routes/searchRoute';
import { hrefFor, navigate, replaceRoute } from '../../../routes/useRoute';
import { IconSearch } from '../../common/Icons/Icons';
import { SearchHitBody } from '../SearchHit/SearchHit';
import { MatchDivider } from './MatchDivider';
import { SearchFilters } from './SearchFilters';
import classes from './SearchResultsScreen.module.css';

const LIMIT = 100;
const RANKING = 'Best matches first: exact words (with or without accents), then partial words, then similar spellings; '
  + 'within those, matches in titles and names, and rarer words, rank higher.';
const TYPING_PAUSE_MS = 300;

export function SearchResultsScreen({ q, filters }: { q: string; filters: Filters }) {
  const [text, setText] = useState(q);
  const status = useSearchIndexStatus();
  const search = useSearch(q.trim() ? searchRequestOf(q, filters, LIMIT) : null, 0);
  useEffect(() => setText((t) => (t.trim() === q ? t : q)), [q]);

  // The URL follows the query as it is typed (no history entry per keystroke), so Back and bookmarks work.
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = window.setTimeout(() => replaceRoute({ name: 'search', q: text.trim(), filters }), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, q, filters]);

  const setFilters = (next: Filters) => replaceRoute({ name: 'search', q: text.trim(), filters: next });
  const partial = !status.ready || !search.complete;

  return (
    <div className={classes.root} data-testid="search-screen">
      <Stack gap="md">
        <Title order={2}>Search</Title>
        <TextInput
          size="md" leftSection={<IconSearch size={18} />} placeholder='Words, "a phrase", names with or without accents'
          value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="search-results-query" aria-label="Search query"
          onKeyDown={(e) => { if (e.key === 'Enter') replaceRoute({ name: 'search', q: text.trim(), filters }); }}
        />
        <SearchFilters filters={filters} onChange={setFilters} />
        {partial && <Alert color="orange" variant="light" py={6} data-testid="index-building">Index still building… results may be incomplete.</Alert>}
        {search.error && <Alert color="red" title="The search failed">{search.error}</Alert>}
        <Group gap="xs">
          {search.loading && <Loader size="xs" />}
          {q && search.answered && (
            <Text size="sm" c="dimmed" data-testid="search-count">
              {search.hits.length === LIMIT ? `The best ${LIMIT} results` : `${search.hits.length} result${search.hits.length === 1 ? '' : 's'}`} for “{q}”
            </Text>
          )}
          {q && search.hits.length > 1 && (
            <Tooltip label={RANKING} multiline w={340} withArrow>
              <Text size="sm" c="dimmed" className={classes.ranking} tabIndex={0} aria-description={RANKING} data-testid="search-ranking">· best matches first</Text>
            </Tooltip>
          )}
          {!q && <Text size="sm" c="dimmed">Type to search sources, highlights, claims, entities and dossiers.</Text>}
        </Group>
        <Stack gap={4} data-testid="search-results">
          {search.hits.map((hit, i) => (
            <Fragment key={`${hit.kind}:${hit.id}:${hit.start ?? i}`}>
              <MatchDivider match={hit.match} previous={search.hits[i - 1]?.match} />
              <UnstyledButton
                component="a" href={hrefFor(routeForHit(hit))} className={classes.result}
                data-testid="search-result" data-kind={hit.kind} data-match={hit.match}
                onClick={(e) => { e.preventDefault(); navigate(routeForHit(hit)); }}
              >
                <SearchHitBody hit={hit} showKind />
              </UnstyledButton>
            </Fragment>
          ))}
        </Stack>
      </Stack>
    </div>
  );
}
