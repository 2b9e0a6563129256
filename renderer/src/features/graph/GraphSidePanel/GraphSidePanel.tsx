/** The graph's right panel: the clicked relationship with all its evidence, the clicked entity, or two entities to relate. */
import { Button, CloseButton, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { GraphData } from '../../../../../shared/contract/views-analysis';
import { countOf } from '../../../../../shared/domain/analysis/graph-nav';
import { hrefFor } from '../../../routes/useRoute';
import { IconExternal, IconLink } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { EntityTypeBadge } from '../../entities/EntityBadge/EntityBadge';
import { RelationshipPanel } from '../../analysis/RelationshipPanel/RelationshipPanel';

export type GraphSelection = { kind: 'edge'; id: string } | { kind: 'node'; id: string } | null;

export interface GraphSidePanelProps {
  selection: GraphSelection;
  data: GraphData;
  /** `fromKeyboard`: closed with Escape or a key on the close button, so the focus should go back to the graph. */
  onClose: (fromKeyboard?: boolean) => void;
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
        {countOf(edges.length, 'relationship', 'relationships')}{unevidenced > 0 ? `, ${unevidenced} unevidenced` : ''}
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
    <aside
      data-testid={selection.kind === 'edge' ? 'edge-panel' : 'node-side-panel'} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}
      aria-label={selection.kind === 'edge' ? 'Relationship and its evidence' : 'Entity details'}
      // Escape inside the panel closes it (not from a dialog opened here: those live in portals outside this element).
      onKeyDown={(e) => { if (e.key === 'Escape' && !e.defaultPrevented && e.currentTarget.contains(e.target as Node)) onClose(true); }}
    >
      <Group justify="flex-end" p={6} pb={0}>
        <CloseButton aria-label="Close panel" onClick={(e) => onClose(e.detail === 0)} data-testid="graph-panel-close" />
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
          {selection.kind === 'edge'
            ? <RelationshipPanel key={selection.id} relationshipId={selection.id} onDeleted={() => onClose()} />
            : <NodePanel id={selection.id} data={data} onRelate={onRelate} />}
        </div>
      </ScrollArea>
    </aside>
  );
}
