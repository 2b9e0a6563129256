/** The relationship graph screen: filters and legend, the Cytoscape canvas or its table view, and the panel for what was clicked. */
import { Alert, Anchor, Button, Group, Loader, Paper, SegmentedControl, Text, useComputedColorScheme } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { foldForMatch } from '../../../../../shared/domain/analysis/fold';
import { ENTITY_TYPES } from '../../../../../shared/domain/types';
import { useGraph } from '../../../api/analysisHooks';
import { dossierQueries } from '../../../api/dossierHooks';
import { useQuery } from '../../../api/hooks';
import { filterGraph, relationshipTypeOptions, type GraphFilters as Filters } from '../graphFilter';
import { matchesEntity } from '../../common/lib/suggestionAliases';
import { hrefFor, navigate } from '../../../routes/useRoute';
import { IconLink } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { BIG_GRAPH_ELEMENTS, GraphCanvas, type GraphCanvasHandle } from '../GraphCanvas/GraphCanvas';
import { GraphFilters } from '../GraphFilters/GraphFilters';
import { GraphSidePanel, type GraphSelection } from '../GraphSidePanel/GraphSidePanel';
import { GraphTable } from '../GraphTable/GraphTable';
import { RelationshipDialog, type RelationshipSeed } from '../../analysis/RelationshipDialog/RelationshipDialog';
import { StageLayout } from '../../common/StageLayout/StageLayout';
import classes from './GraphScreen.module.css';

const ALL: Filters = { entityTypes: ENTITY_TYPES, relationshipTypes: [], tagId: null, sourceId: null, from: '', to: '' };

export function GraphScreen() {
  const { data, error } = useGraph();
  const dark = useComputedColorScheme('light') === 'dark';
  const [filters, setFilters] = useState<Filters>(ALL);
  const [selection, setSelection] = useState<GraphSelection>(null);
  const [selectedNodes, setSelectedNodes] = useState<string[]>([]);
  const [relateSeed, setRelateSeed] = useState<RelationshipSeed | null>(null);
  const [view, setView] = useState<'graph' | 'table'>('graph');
  const canvas = useRef<GraphCanvasHandle>(null);

  const visible = useMemo(() => (data ? filterGraph(data, filters) : { nodes: [], edges: [] }), [data, filters]);
  const relTypes = useMemo(() => relationshipTypeOptions(data?.edges ?? []), [data]);
  const big = (data?.nodes.length ?? 0) + (data?.edges.length ?? 0) > BIG_GRAPH_ELEMENTS;
  // Evidence counts come with the full relationship list: on a big graph, only once the table or the keyboard needs them.
  const [wantEvidence, setWantEvidence] = useState(false);
  // Not before the graph itself is known: while it loads `big` is still false, and the full list (35 MB at 100k) would race it.
  const { data: relationships } = useQuery(data && (!big || wantEvidence || view === 'table') ? dossierQueries.allRelationships() : null);
  const evidence = useMemo(
    () => new Map((relationships ?? []).map((r) => [r.id, { passages: r.evidence.length, claims: r.evidenceClaims.length }])),
    [relationships],
  );
  const evidenceOf = (id: string) => evidence.get(id);
  const closePanel = (fromKeyboard?: boolean) => {
    setSelection(null);
    // Closed from the keyboard inside the panel: give the focus back to the graph, not to the page body.
    if (fromKeyboard && view === 'graph') canvas.current?.focusCanvas();
  };

  /** An exact name or alias wins; otherwise the first shown entity whose names contain the query. */
  const find = (query: string): boolean => {
    const q = foldForMatch(query);
    if (!q) return false;
    const exact = visible.nodes.find((n) => [n.name, ...n.aliases].some((x) => foldForMatch(x) === q));
    const node = exact ?? visible.nodes.find((n) => matchesEntity(n, query));
    if (!node) return false;
    setSelection({ kind: 'node', id: node.id });
    setView('graph');
    // After the panel has opened, so the node is centred in the canvas that remains.
    window.setTimeout(() => canvas.current?.focus(node.id), 0);
    return true;
  };

  if (error && !data) return <Alert color="red" m="xl" title="The graph could not be loaded">{error.message}</Alert>;
  if (!data) return <Loader m="xl" />;

  return (
    <StageLayout
      testId="graph-screen"
      onStageFocus={() => setWantEvidence(true)}
      filters={(
        <>
          <SegmentedControl
            fullWidth size="xs" mb="md" value={view} onChange={(v) => setView(v === 'table' ? 'table' : 'graph')} aria-label="Show the graph as"
            data={[{ value: 'graph', label: 'Graph' }, { value: 'table', label: 'Table' }]} data-testid="graph-view"
          />
          <GraphFilters
            filters={filters} onChange={setFilters} nodes={visible.nodes} relationshipTypes={relTypes}
            shown={{ nodes: visible.nodes.length, edges: visible.edges.length }} onFind={find}
            onRelayout={() => canvas.current?.relayout()} onFit={() => canvas.current?.fit()}
          />
        </>
      )}
      panel={selection && (
        <GraphSidePanel
          selection={selection} data={data} onClose={closePanel}
          onRelate={(fromId) => setRelateSeed({ fromId, toId: selectedNodes.find((id) => id !== fromId) ?? null })}
        />
      )}
      outside={<RelationshipDialog opened={relateSeed !== null} onClose={() => setRelateSeed(null)} seed={relateSeed ?? undefined} />}
    >
      <GraphCanvas
        key={big ? 'big' : 'small'} graph={visible} savedPositions={data.positions} big={big} dark={dark} handleRef={canvas}
        onEdge={(id) => setSelection({ kind: 'edge', id })} onNode={(id) => setSelection({ kind: 'node', id })}
        onBackground={() => setSelection(null)} onSelectNodes={setSelectedNodes}
        onOpenNode={(id) => navigate({ name: 'entity', entityId: id })} evidenceOf={evidenceOf} hidden={view === 'table'}
        onEscape={() => { if (!selection) return false; setSelection(null); return true; }}
      />
      {view === 'table' && (
        <div className={classes.tableView}>
          <GraphTable graph={visible} evidenceOf={evidenceOf} onOpenEdge={(id) => setSelection({ kind: 'edge', id })} />
        </div>
      )}
      {view === 'graph' && selectedNodes.length === 2 && (
        <Group className={classes.toolbar} justify="center">
          <Paper shadow="sm" withBorder p={6} radius="md">
            <Group gap="xs">
              <Text size="sm">2 entities selected</Text>
              <Button size="compact-sm" leftSection={<IconLink size={14} />} onClick={() => setRelateSeed({ fromId: selectedNodes[0], toId: selectedNodes[1] })} data-testid="graph-relate">
                Relate…
              </Button>
            </Group>
          </Paper>
        </Group>
      )}
      {view === 'graph' && data.nodes.length === 0 && (
        <div className={classes.empty}>
          <Text c="dimmed" ta="center" maw={420}>
            No entities yet. Add them on the <Anchor href={hrefFor({ name: 'entities' })}>Entities</Anchor> screen or accept
            suggestions in a source, then relate them from a passage with “Relate…”.
          </Text>
        </div>
      )}
      {view === 'graph' && data.nodes.length > 0 && visible.nodes.length === 0 && (
        <div className={classes.empty}><Text c="dimmed">Nothing matches these filters.</Text></div>
      )}
    </StageLayout>
  );
}
