/** Corroboration between claims: which claims this one supports or contradicts (and is supported/contradicted by); link and unlink. */
import { ActionIcon, Button, Group, SegmentedControl, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ClaimView } from '../../../../../shared/contract/views-analysis';
import { useClaims } from '../../../api/analysisHooks';
import { linkClaims } from '../../../api/analysisMutations';
import { navigate } from '../../../routes/useRoute';
import { IconX } from '../AnalysisIcons/AnalysisIcons';
import { GradeBadge } from '../GradeBadge/GradeBadge';

type Relation = 'supports' | 'contradicts';

interface LinkRow {
  other: ClaimView;
  /** Which claim holds the link: unlinking is always asked of that one. */
  fromId: string;
  toId: string;
}

function LinkGroup({ title, rows }: { title: string; rows: LinkRow[] }) {
  if (rows.length === 0) return null;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb={4}>{title}</Text>
      <Stack gap={4}>
        {rows.map((r) => (
          <Group key={r.other.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="claim-link">
            <GradeBadge grade={r.other.grade} size="sm" />
            <Text size="sm" lineClamp={2} style={{ flex: 1, cursor: 'pointer' }} onClick={() => navigate({ name: 'claims', claimId: r.other.id })}>
              {r.other.statement}
            </Text>
            <Tooltip label="Remove this link">
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Unlink" onClick={() => void linkClaims({ fromId: r.fromId, toId: r.toId, relation: 'none' })}>
                <IconX size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Stack>
    </div>
  );
}

export function ClaimLinks({ claim }: { claim: ClaimView }) {
  const { data: all = [] } = useClaims({});
  const [relation, setRelation] = useState<Relation>('supports');
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);
  const rows = (ids: string[], outgoing: boolean): LinkRow[] => ids.flatMap((id) => {
    const other = byId.get(id);
    if (!other) return [];
    return [{ other, fromId: outgoing ? claim.id : id, toId: outgoing ? id : claim.id }];
  });
  const options = all.filter((c) => c.id !== claim.id).map((c) => ({
    value: c.id, label: `${c.grade} · ${c.statement.length > 80 ? `${c.statement.slice(0, 80)}…` : c.statement}`,
  }));

  const link = async () => {
    if (!target) return;
    setBusy(true);
    if (await linkClaims({ fromId: claim.id, toId: target, relation })) setTarget(null);
    setBusy(false);
  };

  return (
    <Stack gap="sm" data-testid="claim-links">
      <LinkGroup title="Supports" rows={rows(claim.supports, true)} />
      <LinkGroup title="Supported by" rows={rows(claim.supportedBy, false)} />
      <LinkGroup title="Contradicts" rows={rows(claim.contradicts, true)} />
      <LinkGroup title="Contradicted by" rows={rows(claim.contradictedBy, false)} />
      {options.length === 0 ? <Text size="sm" c="dimmed">No other claim to link yet.</Text> : (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <SegmentedControl
            size="xs" value={relation} onChange={(v) => setRelation(v as Relation)}
            data={[{ value: 'supports', label: 'Supports' }, { value: 'contradicts', label: 'Contradicts' }]} data-testid="claim-link-relation"
          />
          <Select
            placeholder="another claim…" data={options} value={target} onChange={setTarget} searchable size="xs" style={{ flex: 1 }}
            comboboxProps={{ withinPortal: true }} data-testid="claim-link-target"
          />
          <Button size="xs" onClick={() => void link()} disabled={!target} loading={busy} data-testid="claim-link-submit">Link</Button>
        </Group>
      )}
    </Stack>
  );
}
