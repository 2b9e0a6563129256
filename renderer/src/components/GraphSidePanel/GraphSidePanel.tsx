/** The graph's right panel: the clicked relationship with all its evidence, the clicked entity, or two entities to relate. */
import { Button, CloseButton, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { GraphData } from '../../../../shared/contract/views-analysis';
import { hrefFor } from '../../routes/useRoute';
import { IconExternal, IconLink } from '../AnalysisIcons/AnalysisIcons';
import { EntityTypeBadge } from '../EntityBadge/EntityBadge';
import { RelationshipPanel } from '../RelationshipPanel/RelationshipPanel';

export type GraphSelection = { kind: 'edge'; id: string } | { kind: 'node'; id: string } | null;

export interface GraphSidePanelProps {
  selection: GraphSelection;
  data: GraphData;
  onClose: () => void;
  onRelate: (fromId: string) => void;
}

function NodePanel({ id, data, onRelate }: { id: string; data: GraphData; onRelate: (fromId: string) => void }) {
  const node = data.nodes.find((n) => n.id === id);
  if (!node) return <Text size="sm" c="dimmed">This entity no longer exists.</Text>;
  const edges = data.edges.filter((e) => e.from === id || e.to === id);
  const unevidenced = edges.filter((e) => e.unevidenced).length;
  return (
    <Stack gap="sm" data-testid="node-panel" data-entity-id={id}>
      <Title order={4}>{node.name}</Title>
      <Group gap="xs"><EntityTypeBadge type={node.type} /></Group>
      {node.aliases.length > 0 && <Text size="sm" c="dimmed">Also: {node.aliases.join(', ')}</Text>}
      <Text size="sm">
        {edges.length} relationship{edges.length === 1 ? '' : 's'}{unevidenced > 0 ? `, ${unevidenced} unevidenced` : ''}
      </Text>
      <Group gap="xs">
        <Button size="xs" component="a" href={hrefFor({ name: 'entity', entityId: id })} leftSection={<IconExternal size={14} />} data-testid="node-open">
          Open entity page
        </Button>
        <Button size="xs" variant="default" leftSection={<IconLink size={14} />} onClick={() => onRelate(id)}>Relate…</Button>
      </Group>
      <Text size="xs" c="dimmed">Shift-click a second entity to relate the two.</Text>
    </Stack>
  );
}

export function GraphSidePanel({ selection, data, onClose, onRelate }: GraphSidePanelProps) {
  if (!selection) return null;
  return (
    <aside data-testid={selection.kind === 'edge' ? 'edge-panel' : 'node-side-panel'} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Group justify="flex-end" p={6} pb={0}>
        <CloseButton aria-label="Close panel" onClick={onClose} data-testid="graph-panel-close" />
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
          {selection.kind === 'edge'
            ? <RelationshipPanel key={selection.id} relationshipId={selection.id} onDeleted={onClose} />
            : <NodePanel id={selection.id} data={data} onRelate={onRelate} />}
        </div>
      </ScrollArea>
    </aside>
  );
}
