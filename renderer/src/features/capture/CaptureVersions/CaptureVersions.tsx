/** The versions of a captured page, oldest first, each openable; "Compare with previous" shows what changed. */
import { Anchor, Badge, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Source } from '../../../../../shared/domain/types';
import { useCaptureVersions } from '../../../api/captureHooks';
import { hrefFor } from '../../../routes/useRoute';
import { formatUtc } from '../captureFormat';
import { CaptureDiffModal } from '../CaptureDiffModal/CaptureDiffModal';

/** A first capture never re-captured has no chain yet: nothing to ask the service. */
export function CaptureVersions({ source, onLeave }: { source: Source; onLeave: () => void }) {
  const { data: versions, loading, error } = useCaptureVersions(source.versionOf ? source.id : null);
  const [compare, setCompare] = useState<{ fromId: string; toId: string; title: string } | null>(null);
  if (error && !versions) return <Text size="sm" c="dimmed">The versions of this page could not be listed: {error.message}</Text>;
  if (source.versionOf && !versions) return loading ? <Loader size="xs" /> : null;

  return (
    <Stack gap={4} data-testid="capture-versions">
      <Title order={5}>Versions</Title>
      {(!versions || versions.length <= 1) && <Text size="sm" c="dimmed">Only this capture so far. Re-capture to check the page for changes.</Text>}
      {versions && versions.length > 1 && (
        <Table verticalSpacing={4} fz="sm" withRowBorders={false}>
          <Table.Tbody>
            {versions.map((v, i) => {
              const previous = i > 0 ? versions[i - 1] : undefined;
              const here = v.id === source.id;
              return (
                <Table.Tr key={v.id} data-testid="capture-version-row" data-version={v.version} data-current={here || undefined}>
                  <Table.Td><Badge variant={here ? 'filled' : 'light'} color="gray">v{v.version}</Badge></Table.Td>
                  <Table.Td>
                    {here ? <Text span size="sm" fw={600}>{formatUtc(v.capturedAt)} (this one)</Text> : (
                      <Anchor href={hrefFor({ name: 'reader', sourceId: v.id, highlightId: null })} onClick={onLeave} size="sm">{formatUtc(v.capturedAt)}</Anchor>
                    )}
                  </Table.Td>
                  <Table.Td><Text span size="sm" c="dimmed">{v.highlightCount} highlight{v.highlightCount === 1 ? '' : 's'}</Text></Table.Td>
                  <Table.Td>
                    {previous && (
                      <Button
                        size="compact-xs" variant="subtle" data-testid="capture-compare"
                        onClick={() => setCompare({ fromId: previous.id, toId: v.id, title: `Version ${previous.version} → version ${v.version}` })}
                      >
                        Compare with previous
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <CaptureDiffModal pair={compare} onClose={() => setCompare(null)} />
    </Stack>
  );
}
