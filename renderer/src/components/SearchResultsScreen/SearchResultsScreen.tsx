/** The full search screen (#/search?q=…): query, filters, and every hit; a hit opens the exact passage, highlight, claim, entity or dossier. */
import { Alert, Badge, Group, Loader, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearch, useSearchIndexStatus } from '../../api/searchHooks';
import { routeForHit } from '../../lib/searchTargets';
import { searchRequestOf, type SearchFilters as Filters } from '../../routes/searchRoute';
import { hrefFor, navigate, replaceRoute } from '../../routes/useRoute';
import { IconSearch } from '../Icons/Icons';
import { SearchHitBody } from '../SearchHit/SearchHit';
import { SearchFilters } from './SearchFilters';
import classes from './SearchResultsScreen.module.css';

const LIMIT = 100;
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
          {!q && <Text size="sm" c="dimmed">Type to search sources, highlights, claims, entities and dossiers.</Text>}
        </Group>
        <Stack gap={4} data-testid="search-results">
          {search.hits.map((hit, i) => (
            <UnstyledButton
              key={`${hit.kind}:${hit.id}:${hit.start ?? i}`} component="a" href={hrefFor(routeForHit(hit))} className={classes.result}
              data-testid="search-result" data-kind={hit.kind}
              onClick={(e) => { e.preventDefault(); navigate(routeForHit(hit)); }}
            >
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <SearchHitBody hit={hit} showKind />
                <Badge size="xs" variant="outline" color="gray" className={classes.score} title="Relevance (0–4)">{hit.score.toFixed(1)}</Badge>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </Stack>
    </div>
  );
}
