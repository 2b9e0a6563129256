/** A claim in full (side drawer): grade, statement, who and when, evidence passages, corroboration links; edit, delete. */
import { Alert, Badge, Button, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ClaimView } from '../../../../../shared/contract/views-analysis';
import { analysisQueries, useEntities, useClaim } from '../../../api/analysisHooks';
import { useLeaveWhenGone } from '../../../api/goneByHistory';
import { deleteClaim } from '../../../api/analysisMutations';
import { useTags } from '../../../api/hooks';
import { notifySuccess } from '../../../api/notify';
import { CLAIM_TYPE_LABEL } from '../analysisLabels';
import { ClaimDialog } from '../ClaimDialog/ClaimDialog';
import { ClaimLinks } from '../ClaimLinks/ClaimLinks';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { EntityLink } from '../../entities/EntityBadge/EntityBadge';
import { GradeBadge } from '../GradeBadge/GradeBadge';
import { IconPencil, IconTrash } from '../../common/Icons/Icons';
import { PassageQuote } from '../../common/PassageQuote/PassageQuote';
import { AddToDossierButton } from '../../dossiers/AddToDossier/AddToDossierButton';
import { qualifierInWords } from '../../../../../shared/domain/partial-dates';
import { TeamAuthorLine } from '../../team/TeamAuthorLine/TeamAuthorLine';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>{title}</Text>
      {children}
    </div>
  );
}

function ClaimDetails({ claim, onClose }: { claim: ClaimView; onClose: () => void }) {
  const { data: entities = [] } = useEntities();
  const { data: tags = [] } = useTags();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const entity = (id: string) => entities.find((e) => e.id === id);
  const claimant = claim.claimantId ? entity(claim.claimantId) : undefined;

  return (
    <Stack gap="lg" data-testid="claim-details" data-claim-id={claim.id}>
      <div>
        <Group gap="xs" mb="xs">
          <GradeBadge grade={claim.grade} size="lg" />
          <Badge variant="light" color="gray">{CLAIM_TYPE_LABEL[claim.type]}</Badge>
          {claim.corroborated && <Badge variant="light" color="teal">Corroborated</Badge>}
        </Group>
        <Text size="lg" style={{ fontFamily: 'Charter, Cambria, Georgia, serif', lineHeight: 1.5 }} data-testid="claim-details-statement">{claim.statement}</Text>
        <Group gap={6} mt="xs">
          {claimant ? <EntityLink id={claimant.id} name={claimant.name} type={claimant.type} /> : <Text size="sm" c="dimmed">Unknown claimant</Text>}
          <Text size="sm" c="dimmed">· {qualifierInWords(claim.claimedAt) || 'undated'}</Text>
        </Group>
        <TeamAuthorLine collection="claims" id={claim.id} />
      </div>
      {claim.aboutEntityIds.length > 0 && (
        <Section title="About">
          <Group gap="sm">
            {claim.aboutEntityIds.map((id) => {
              const e = entity(id);
              return e ? <EntityLink key={id} id={id} name={e.name} type={e.type} /> : null;
            })}
          </Group>
        </Section>
      )}
      {claim.tagIds.length > 0 && (
        <Section title="Tags">
          <Group gap={4}>
            {claim.tagIds.map((id) => {
              const t = tags.find((x) => x.id === id);
              return t ? <Badge key={id} size="sm" variant="light" color={t.color}>{t.name}</Badge> : null;
            })}
          </Group>
        </Section>
      )}
      <Section title={`Evidence (${claim.evidence.length})`}>
        {claim.evidence.length === 0 ? <Text size="sm" c="dimmed">No passage cited: the grade cannot rest on any source (F).</Text> : (
          <Stack gap={8}>{claim.evidence.map((p) => <PassageQuote key={`${p.sourceId}:${p.highlightId}`} passage={p} testId="evidence-passage" />)}</Stack>
        )}
      </Section>
      <Section title="Corroboration">
        <Text size="xs" c="dimmed" mb={8}>
          {claim.corroborated ? 'Backed by at least two independent sources.' : 'Not corroborated: fewer than two independent sources back it.'}
        </Text>
        <ClaimLinks claim={claim} />
      </Section>
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)} data-testid="claim-edit">Edit</Button>
        <AddToDossierButton kind="claim" refId={claim.id} variant="light" />
        <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirmDelete(true)} data-testid="claim-delete">Delete</Button>
      </Group>
      <ClaimDialog opened={editing} onClose={() => setEditing(false)} claim={claim} />
      <ConfirmDialog
        opened={confirmDelete} title="Delete claim?" confirmLabel="Delete claim" onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          const result = await deleteClaim(claim.id);
          if (!result) return;
          setConfirmDelete(false);
          notifySuccess('Claim deleted', result.updatedRelationships > 0 ? `${result.updatedRelationships} relationship(s) no longer cite it.` : claim.statement.slice(0, 80));
          onClose();
        }}
      >
        The claim will be removed; relationships citing it lose it as evidence. Its passages stay.
      </ConfirmDialog>
    </Stack>
  );
}

export function ClaimDrawer({ claimId, onClose }: { claimId: string | null; onClose: () => void }) {
  const { data, error } = useClaim(claimId);
  // Its creation undone while it is shown: the drawer closes, quietly; the undo toast offers Redo.
  const gone = useLeaveWhenGone(claimId ? analysisQueries.claim(claimId).key : null, error, onClose);
  return (
    <Drawer opened={claimId !== null} onClose={onClose} position="right" size="lg" title="Claim" data-testid="claim-drawer">
      {error && !data && !gone && <Alert color="red" title="This claim could not be loaded">{error.message}</Alert>}
      {!data && !error && <Loader size="sm" />}
      {data && data.id === claimId && <ClaimDetails claim={data} onClose={onClose} />}
    </Drawer>
  );
}
