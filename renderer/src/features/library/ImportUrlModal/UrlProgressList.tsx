/** The URL dialog's per-address list: queued, fetching, imported, upgraded (an older text-only PDF given its pages) or already there (a link to the source), failed (why), not fetched. */
import { Anchor, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { hrefFor } from '../../../routes/useRoute';
import type { UrlItem } from './urlImportQueue';
import classes from './ImportUrlModal.module.css';

function SourceLink({ sourceId, title, onOpen }: { sourceId: string; title: string; onOpen: () => void }) {
  return (
    <Anchor href={hrefFor({ name: 'reader', sourceId, highlightId: null })} size="sm" onClick={onOpen} data-testid="url-item-link">
      {title}
    </Anchor>
  );
}

function detail(item: UrlItem, onOpen: () => void): { badge: ReactNode; text: ReactNode } {
  switch (item.status) {
    case 'queued':
      return { badge: <Badge color="gray" variant="outline">Queued</Badge>, text: null };
    case 'fetching':
      return { badge: <Badge color="blue" variant="light" leftSection={<Loader size={10} color="blue" />}>Fetching</Badge>, text: null };
    case 'imported':
      return {
        badge: <Badge color="teal" variant="light">Imported</Badge>,
        text: <>Added <SourceLink sourceId={item.sourceId} title={item.title} onOpen={onOpen} /> <Text span size="xs" c="dimmed">({(item.totalMs / 1000).toFixed(1)} s)</Text></>,
      };
    case 'upgraded':
      return {
        badge: <Badge color="teal" variant="light">Upgraded</Badge>,
        text: <>Gave <SourceLink sourceId={item.sourceId} title={item.title} onOpen={onOpen} /> its pages: {item.carried} highlight{item.carried === 1 ? '' : 's'} carried, {item.orphaned} orphaned</>,
      };
    case 'duplicate':
      return {
        badge: <Badge color="yellow" variant="light">Duplicate</Badge>,
        text: <>The same text is already in the library as <SourceLink sourceId={item.sourceId} title={item.title} onOpen={onOpen} /></>,
      };
    case 'failed':
      return { badge: <Badge color="red" variant="light">Failed</Badge>, text: <span className={classes.failure}>{item.message}</span> };
    case 'cancelled':
      return { badge: <Badge color="gray" variant="outline">Not fetched</Badge>, text: <Text span size="sm" c="dimmed">Stopped before this one.</Text> };
  }
}

/** `onOpen`: a link to a source was followed (the dialog closes, the reader opens). */
export function UrlProgressList({ items, onOpen }: { items: UrlItem[]; onOpen: () => void }) {
  if (items.length === 0) return null;
  const done = items.filter((i) => i.status !== 'queued' && i.status !== 'fetching').length;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} role="status" aria-live="polite" data-testid="url-progress-summary">
        {done} of {items.length} done
      </Text>
      <Paper withBorder className={classes.list} component="ol" data-testid="url-progress">
        {items.map((item, i) => {
          const { badge, text } = detail(item, onOpen);
          return (
            <li key={`${i}-${item.url}`} className={classes.item} data-testid="url-item" data-status={item.status} data-url={item.url}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <div className={classes.badge}>{badge}</div>
                <div className={classes.body}>
                  <Text size="sm" ff="monospace" className={classes.url}>{item.url}</Text>
                  {text && <Text size="sm" component="div" data-testid="url-item-detail">{text}</Text>}
                </div>
              </Group>
            </li>
          );
        })}
      </Paper>
    </Stack>
  );
}
