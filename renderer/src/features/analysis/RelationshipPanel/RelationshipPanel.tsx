/** One relationship in full: who, what, to whom, when, how sure, and every passage and claim that backs it; edit, delete. */
import { Alert, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RelationshipView } from '../../../../../shared/contract/views-analysis';
import { useRelationship } from '../../../api/analysisHooks';
import { deleteRelationship } from '../../../api/analysisMutations';
import { notifySuccess } from '../../../api/notify';
import { navigate } from '../../../routes/useRoute';
import { IconArrowRight } from '../AnalysisIcons/AnalysisIcons';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { EntityLink } from '../../entities/EntityBadge/EntityBadge';
import { GradeBadge } from '../GradeBadge/GradeBadge';
import { IconPencil, IconTrash } from '../../common/Icons/Icons';
import { PassageQuote } from '../../common/PassageQuote/PassageQuote';
import { RelationshipDialog } from '../RelationshipDialog/RelationshipDialog';
import { UnevidencedBadge } from '../UnevidencedBadge/UnevidencedBadge';
import { AddToDossierButton } from '../../dossiers/AddToDossier/AddToDossierButton';
import { formatDateSpan, qualifierInWords } from '../../../../../shared/domain/partial-dates';
import { TeamAuthorLine } from '../../team/TeamAuthorLine/TeamAuthorLine';

function dateSpan(r: Pick<RelationshipView, 'startDate' | 'endDate'>): string {
  return formatDateSpan(r.startDate, r.endDate, qualifierInWords) || 'Undated';
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>{title}</Text>
      {children}
    </div>
  );
}

function RelationshipDetails({ relationship: r, onDeleted }: { relationship: RelationshipView; onDeleted?: () => void }) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <Stack gap="md" data-testid="relationship-details" data-relationship-id={r.id}>
      <div>
        <Group gap={6} wrap="wrap" align="center">
          <EntityLink id={r.fromId} name={r.fromName} type={r.fromType} />
          <Badge variant="outline" color="gray" rightSection={<IconArrowRight size={12} />} data-testid="relationship-label">{r.label}</Badge>
          <EntityLink id={r.toId} name={r.toName} type={r.toType} />
        </Group>
        <Group gap="xs" mt={8}>
          <Text size="sm" c="dimmed">{dateSpan(r)}</Text>
          <Text size="sm" c="dimmed">·</Text>
          <Text size="sm" c="dimmed">Confidence {Math.round(r.confidence * 100)}%</Text>
          {r.unevidenced && <UnevidencedBadge />}
        </Group>
        <TeamAuthorLine collection="relationships" id={r.id} />
      </div>
      {r.note && <Section title="Note"><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Text></Section>}
      <Section title={`Evidence passages (${r.evidence.length})`}>
        {r.evidence.length === 0 ? <Text size="sm" c="dimmed">No passage cited.</Text> : (
          <Stack gap={8}>{r.evidence.map((p) => <PassageQuote key={`${p.sourceId}:${p.highlightId ?? p.start}`} passage={p} testId="evidence-passage" />)}</Stack>
        )}
      </Section>
      {r.evidenceClaims.length > 0 && (
        <Section title={`Evidence claims (${r.evidenceClaims.length})`}>
          <Stack gap={6}>
            {r.evidenceClaims.map((c) => (
              <Group key={c.id} gap="xs" wrap="nowrap" align="flex-start" style={{ cursor: 'pointer' }} onClick={() => navigate({ name: 'claims', claimId: c.id })} data-testid="evidence-claim">
                <GradeBadge grade={c.grade} size="sm" />
                <Text size="sm" lineClamp={3}>{c.statement}</Text>
              </Group>
            ))}
          </Stack>
        </Section>
      )}
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)} data-testid="relationship-edit">Edit</Button>
        <AddToDossierButton kind="relationship" refId={r.id} variant="light" />
        <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirmDelete(true)} data-testid="relationship-delete">Delete</Button>
      </Group>
      <RelationshipDialog opened={editing} onClose={() => setEditing(false)} relationship={r} />
      <ConfirmDialog
        opened={confirmDelete} title="Delete relationship?" confirmLabel="Delete relationship" onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          if (await deleteRelationship(r.id)) {
            setConfirmDelete(false);
            notifySuccess('Relationship deleted', `${r.fromName} ${r.label} ${r.toName}`);
            onDeleted?.();
          }
        }}
      >
        “{r.fromName} {r.label} {r.toName}” will be removed. Its evidence passages and claims stay.
      </ConfirmDialog>
    </Stack>
  );
}

/** Loads a relationship by id (the graph only knows edge ids) and shows it. */
export function RelationshipPanel({ relationshipId, onDeleted }: { relationshipId: string; onDeleted?: () => void }) {
  const { data, error } = useRelationship(relationshipId);
  if (error && !data) return <Alert color="red" title="This relationship could not be loaded">{error.message}</Alert>;
  if (!data) return <Loader size="sm" />;
  return (
    <Stack gap="sm">
      <Title order={4}>Relationship</Title>
      <RelationshipDetails relationship={data} onDeleted={onDeleted} />
    </Stack>
  );
}
