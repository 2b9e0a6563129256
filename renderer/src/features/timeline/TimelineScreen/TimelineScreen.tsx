/** The timeline screen: filters, the zoomable timeline of dated claims, relationships and events, and the evidence of what was clicked. */
import { Alert, Anchor, Button, Group, Loader, Paper, SegmentedControl, Text } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import type { TimelineView } from '../../../../../shared/contract/views-timeline';
import { useTimeline } from '../../../api/timelineHooks';
import { hrefFor } from '../../../routes/useRoute';
import { ClaimDrawer } from '../../analysis/ClaimDrawer/ClaimDrawer';
import { TimelineCanvas, type TimelineCanvasHandle } from '../TimelineCanvas/TimelineCanvas';
import { TimelineDetails } from '../TimelineDetails/TimelineDetails';
import { TimelineFilters } from '../TimelineFilters/TimelineFilters';
import { TimelineList } from '../TimelineList/TimelineList';
import { ALL_TIMELINE, timelineRequest, type TimelineFilters as Filters } from '../timelineFilter';
import { StageLayout } from '../../common/StageLayout/StageLayout';
import classes from './TimelineScreen.module.css';

export function TimelineScreen() {
  const [filters, setFilters] = useState<Filters>(ALL_TIMELINE);
  const { data: fresh, error } = useTimeline(useMemo(() => timelineRequest(filters), [filters]));
  // While a new filter loads, the last timeline stays drawn: no flash, no lost zoom.
  const last = useRef<TimelineView | undefined>(undefined);
  if (fresh) last.current = fresh;
  const data = fresh ?? last.current;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [claimId, setClaimId] = useState<string | null>(null);
  const canvas = useRef<TimelineCanvasHandle>(null);
  const [view, setView] = useState<'timeline' | 'list'>('timeline');
  const items = data?.items ?? [];
  const selected = items.find((i) => i.id === selectedId) ?? null;

  const select = (id: string | null) => {
    const item = items.find((i) => i.id === id);
    // A claim opens in its drawer (evidence passages, links to the reader); others in the side panel.
    if (item?.kind === 'claim') {
      setClaimId(item.recordId);
      setSelectedId(item.id);
    } else setSelectedId(id);
  };

  if (error && !data) return <Alert color="red" m="xl" title="The timeline could not be loaded">{error.message}</Alert>;
  if (!data) return <Loader m="xl" />;
  const undated = data.undated.claim + data.undated.relationship + data.undated.event;

  return (
    <StageLayout
      testId="timeline-screen"
      filtersWidth={260}
      filters={(
        <>
          <SegmentedControl
            fullWidth size="xs" mb="md" value={view} onChange={(v) => setView(v === 'list' ? 'list' : 'timeline')} aria-label="Show the timeline as"
            data={[{ value: 'timeline', label: 'Timeline' }, { value: 'list', label: 'List' }]} data-testid="timeline-view"
          />
          <TimelineFilters filters={filters} onChange={setFilters} shown={items.length} undated={undated} />
        </>
      )}
      panel={selected && selected.kind !== 'claim' && (
        <TimelineDetails item={selected} onClose={() => setSelectedId(null)} onOpenClaim={setClaimId} />
      )}
      outside={<ClaimDrawer claimId={claimId} onClose={() => { setClaimId(null); if (selected?.kind === 'claim') setSelectedId(null); }} />}
    >
      <TimelineCanvas items={items} selectedId={selectedId} onSelect={select} hidden={view === 'list'} handleRef={canvas} />
      <Group className={classes.toolbar} justify="flex-end" display={view === 'list' ? 'none' : undefined}>
        <Paper shadow="xs" withBorder p={4} radius="md">
          <Group gap={4}>
            <Button size="compact-sm" variant="subtle" onClick={() => canvas.current?.zoomIn()} aria-label="Zoom in" data-testid="timeline-zoom-in">+</Button>
            <Button size="compact-sm" variant="subtle" onClick={() => canvas.current?.zoomOut()} aria-label="Zoom out" data-testid="timeline-zoom-out">−</Button>
            <Button size="compact-sm" variant="subtle" onClick={() => canvas.current?.fit()} data-testid="timeline-fit">Fit</Button>
          </Group>
        </Paper>
      </Group>
      {view === 'list' && items.length > 0 && (
        <div className={classes.listView}><TimelineList items={items} onOpen={select} /></div>
      )}
      {items.length === 0 && (
        <div className={classes.empty}>
          <Text c="dimmed" ta="center" maw={460} data-testid="timeline-empty">
            {undated > 0 || filters !== ALL_TIMELINE
              ? 'Nothing dated matches these filters.'
              : <>Nothing is dated yet. Give <Anchor href={hrefFor({ name: 'claims', claimId: null })}>claims</Anchor> a date claimed, or relationships a from / until date (“2024-03”, “&lt;2019” for before 2019).</>}
          </Text>
        </div>
      )}
    </StageLayout>
  );
}
