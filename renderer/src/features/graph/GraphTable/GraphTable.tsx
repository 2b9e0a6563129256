/** The graph as two tables (entities, relationships) for the same filtered nodes and edges: a list alternative to the canvas. */
import { Anchor, Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { GraphEdge } from '../../../../../shared/contract/views-analysis';
import { countOf, type EdgeEvidence } from '../../../../../shared/domain/analysis/graph-nav';
import type { VisibleGraph } from '../graphFilter';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';
import { hrefFor } from '../../../routes/useRoute';
import { ShapeSwatch } from '../GraphFilters/ShapeSwatch';
import { formatDateSpan, qualifierInWords } from '../../../../../shared/domain/partial-dates';

/** Rows drawn at first; thousands of table rows would make the screen sluggish, so the rest come on request. */
const PAGE = 200;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

export interface GraphTableProps {
  graph: VisibleGraph;
  evidenceOf: (edgeId: string) => EdgeEvidence | undefined;
  /** Opens the relationship's evidence in the side panel, as clicking the edge does. */
  onOpenEdge: (id: string) => void;
}

function evidenceText(e: GraphEdge, evidence: EdgeEvidence | undefined): string {
  if (!evidence) return 'Evidenced';
  const parts = [evidence.passages > 0 ? countOf(evidence.passages, 'passage', 'passages') : '', evidence.claims > 0 ? countOf(evidence.claims, 'claim', 'claims') : ''];
  return parts.filter(Boolean).join(', ') || (e.unevidenced ? '' : 'Evidenced');
}

function dates(e: GraphEdge): string {
  return formatDateSpan(e.startDate, e.endDate, qualifierInWords);
}

function MoreRows({ shown, total, noun, onMore }: { shown: number; total: number; noun: string; onMore: () => void }) {
  if (shown >= total) return null;
  return <Button size="xs" variant="default" onClick={onMore}>Show all {total} {noun} ({total - shown} more)</Button>;
}

export function GraphTable({ graph, evidenceOf, onOpenEdge }: GraphTableProps) {
  const [nodeLimit, setNodeLimit] = useState(PAGE);
  const [edgeLimit, setEdgeLimit] = useState(PAGE);
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.name])), [graph]);
  const degree = useMemo(() => {
    const d = new Map<string, number>();
    for (const e of graph.edges) for (const id of [e.from, e.to]) d.set(id, (d.get(id) ?? 0) + 1);
    return d;
  }, [graph]);
  const nodes = useMemo(() => [...graph.nodes].sort((a, b) => a.name.localeCompare(b.name)), [graph]);
  const edges = useMemo(() => [...graph.edges].sort((a, b) =>
    (names.get(a.from) ?? '').localeCompare(names.get(b.from) ?? '') || a.label.localeCompare(b.label)
    || (names.get(a.to) ?? '').localeCompare(names.get(b.to) ?? '')), [graph, names]);

  return (
    <Stack gap="xl" p="md" data-testid="graph-table">
      <div>
        <Table striped highlightOnHover captionSide="top" fz="sm" verticalSpacing={6} data-testid="graph-table-entities">
          <Table.Caption style={{ textAlign: 'left' }}>
            <Text component="span" fw={700}>Entities</Text> <Text component="span" c="dimmed" size="sm">({countOf(nodes.length, 'entity', 'entities')})</Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr><Table.Th scope="col">Name</Table.Th><Table.Th scope="col">Type</Table.Th><Table.Th scope="col">Relationships</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nodes.slice(0, nodeLimit).map((n) => (
              <Table.Tr key={n.id}>
                <Table.Th scope="row" fw={500}><Anchor href={hrefFor({ name: 'entity', entityId: n.id })}>{n.name}</Anchor></Table.Th>
                <Table.Td>
                  <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}><ShapeSwatch style={ENTITY_TYPE_STYLE[n.type]} size={14} />{ENTITY_TYPE_STYLE[n.type].label}</span>
                </Table.Td>
                <Table.Td>{degree.get(n.id) ?? 0}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <MoreRows shown={nodeLimit} total={nodes.length} noun="entities" onMore={() => setNodeLimit(Infinity)} />
      </div>
      <div>
        <Table striped highlightOnHover captionSide="top" fz="sm" verticalSpacing={6} data-testid="graph-table-relationships">
          <Table.Caption style={{ textAlign: 'left' }}>
            <Text component="span" fw={700}>Relationships</Text> <Text component="span" c="dimmed" size="sm">({countOf(edges.length, 'relationship', 'relationships')})</Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {['From', 'Relationship', 'To', 'Dates', 'Evidence'].map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}
              <Table.Th scope="col"><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.slice(0, edgeLimit).map((e) => {
              const sentence = `${names.get(e.from) ?? ''} ${e.label} ${names.get(e.to) ?? ''}`;
              return (
                <Table.Tr key={e.id} data-edge-id={e.id}>
                  <Table.Td>{names.get(e.from)}</Table.Td>
                  <Table.Td>{e.label}</Table.Td>
                  <Table.Td>{names.get(e.to)}</Table.Td>
                  <Table.Td style={NOWRAP}>{dates(e) || <Text span c="dimmed" size="sm">Undated</Text>}</Table.Td>
                  <Table.Td style={NOWRAP}>
                    {e.unevidenced && <Badge color="red" variant="light" style={{ minWidth: 'max-content' }}>Unevidenced</Badge>}
                    {evidenceText(e, evidenceOf(e.id))}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Button size="compact-xs" variant="default" onClick={() => onOpenEdge(e.id)} aria-label={`Open evidence for ${sentence}`}>
                      Evidence
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <MoreRows shown={edgeLimit} total={edges.length} noun="relationships" onMore={() => setEdgeLimit(Infinity)} />
      </div>
    </Stack>
  );
}
