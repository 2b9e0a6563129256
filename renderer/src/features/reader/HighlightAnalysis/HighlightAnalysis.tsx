/** The analysis part of the highlight side panel: claim or relate from this passage, add it to a claim, and what cites it. */
import { Anchor, Button, Divider, Group, Popover, Select, Stack, Text } from '@mantine/core';
import { memo, useMemo, useState } from 'react';
import type { Highlight } from '../../../../../shared/domain/types';
import { useClaims, useHighlightDependents } from '../../../api/analysisHooks';
import { setHighlightEntities, updateClaim } from '../../../api/analysisMutations';
import { notifySuccess } from '../../../api/notify';
import { hrefFor } from '../../../routes/useRoute';
import { IconClaim, IconLink } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { EntityMultiSelect } from '../../entities/EntitySelect/EntitySelect';
import { IconPlus } from '../../common/Icons/Icons';

export interface HighlightAnalysisProps {
  highlight: Highlight;
  /** Called with `highlight`; taking it (rather than a closure over it) keeps the props stable, so the memo holds. */
  onClaim: (highlight: Highlight) => void;
  onRelate: (highlight: Highlight) => void;
}

type ClaimList = NonNullable<ReturnType<typeof useClaims>['data']>;

/** The claim picker inside the open popover: its options (every claim, labelled) are built only while it is open. */
function ClaimPicker({ highlightId, claims, onAdded }: { highlightId: string; claims: ClaimList; onAdded: () => void }) {
  const [target, setTarget] = useState<string | null>(null);
  const options = useMemo(() => claims.filter((c) => !c.evidenceHighlightIds.includes(highlightId)).map((c) => ({
    value: c.id, label: `${c.grade} · ${c.statement.length > 80 ? `${c.statement.slice(0, 80)}…` : c.statement}`,
  })), [claims, highlightId]);
  const add = async () => {
    const claim = claims.find((c) => c.id === target);
    if (!claim) return;
    const saved = await updateClaim({ id: claim.id, evidenceHighlightIds: [...claim.evidenceHighlightIds, highlightId] });
    if (!saved) return;
    notifySuccess('Evidence added', 'The passage now backs the claim.');
    setTarget(null);
    onAdded();
  };
  if (options.length === 0) return <Text size="sm" c="dimmed">No other claim yet.</Text>;
  return (
    <>
      {/* The list stays inside the popover: a portalled list is "outside" it, so pressing an option closed the
          popover before the click landed and nothing was picked. */}
      <Select label="Claim" data={options} value={target} onChange={setTarget} searchable comboboxProps={{ withinPortal: false }} data-testid="panel-add-evidence-claim" />
      <Button size="xs" onClick={() => void add()} disabled={!target} data-testid="panel-add-evidence-submit">Add this passage</Button>
    </>
  );
}

function AddToClaim({ highlightId }: { highlightId: string }) {
  const { data: claims = [] } = useClaims({});
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={320} withinPortal trapFocus shadow="md">
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setOpened((o) => !o)} data-testid="panel-add-evidence">
          Evidence for a claim…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          {opened && <ClaimPicker highlightId={highlightId} claims={claims} onAdded={() => setOpened(false)} />}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function CitedBy({ highlightId }: { highlightId: string }) {
  const { data } = useHighlightDependents(highlightId);
  if (!data || data.claims.length + data.relationships.length === 0) return null;
  return (
    <Stack gap={4} data-testid="panel-cited-by">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">Cited by</Text>
      {data.claims.map((c) => (
        <Anchor key={c.id} href={hrefFor({ name: 'claims', claimId: c.id })} size="sm" lineClamp={2}>Claim: {c.statement}</Anchor>
      ))}
      {data.relationships.map((r) => <Text key={r.id} size="sm">Relationship: {r.label}</Text>)}
    </Stack>
  );
}

function HighlightAnalysisImpl({ highlight, onClaim, onRelate }: HighlightAnalysisProps) {
  return (
    <Stack gap="sm" data-testid="highlight-analysis">
      <Divider />
      <Group gap={4}>
        <Button size="compact-sm" variant="light" leftSection={<IconClaim size={14} />} onClick={() => onClaim(highlight)} data-testid="panel-claim">Claim…</Button>
        <Button size="compact-sm" variant="light" leftSection={<IconLink size={14} />} onClick={() => onRelate(highlight)} data-testid="panel-relate">Relate…</Button>
        <AddToClaim highlightId={highlight.id} />
      </Group>
      <EntityMultiSelect
        label="Mentions" placeholder="Entities this passage names" value={highlight.entityIds}
        onChange={(entityIds) => void setHighlightEntities({ id: highlight.id, entityIds })} testId="panel-entities"
      />
      <CitedBy highlightId={highlight.id} />
    </Stack>
  );
}

/** Memoised: its entity picker renders every entity as an option, so it must not re-render when another highlight changes. */
export const HighlightAnalysis = memo(HighlightAnalysisImpl);
