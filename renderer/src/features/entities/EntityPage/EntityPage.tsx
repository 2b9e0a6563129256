/** One entity: header (type, aliases, description) and what the workspace knows: mentions, claims, relationships. */
import { Alert, Badge, Center, Drawer, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { EntityPage as EntityPageView } from '../../../../../shared/contract/views-analysis';
import { analysisQueries, useEntityPage } from '../../../api/analysisHooks';
import { useLeaveWhenGone } from '../../../api/goneByHistory';
import { deleteEntity } from '../../../api/analysisMutations';
import { notifySuccess } from '../../../api/notify';
import { navigate, replaceRoute } from '../../../routes/useRoute';
import { ClaimCard } from '../../analysis/ClaimCard/ClaimCard';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { EntityHeader } from '../EntityHeader/EntityHeader';
import { EntityMergeModal } from '../EntityMergeModal/EntityMergeModal';
import { PassageQuote } from '../../common/PassageQuote/PassageQuote';
import { RelationshipDialog } from '../../analysis/RelationshipDialog/RelationshipDialog';
import { RelationshipList } from '../../analysis/RelationshipList/RelationshipList';
import { RelationshipPanel } from '../../analysis/RelationshipPanel/RelationshipPanel';
import classes from './EntityPage.module.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Section({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId}>
      <div className={classes.sectionTitle}>
        <Title order={4}>{title}</Title>
        <Badge size="sm" variant="light" color="gray">{count}</Badge>
      </div>
      <Stack gap={8} mt="xs">{children}</Stack>
    </section>
  );
}

function Mentions({ page }: { page: EntityPageView }) {
  const { linkedPassages, textMentions, textMentionTotal } = page;
  return (
    <Section title="Mentions" count={linkedPassages.length + textMentionTotal} testId="entity-mentions">
      {linkedPassages.length === 0 && textMentions.length === 0 && <Text size="sm" c="dimmed">Not found in any source yet.</Text>}
      {linkedPassages.length > 0 && <Text size="xs" tt="uppercase" fw={700} c="dimmed">Linked passages</Text>}
      {linkedPassages.map((p) => <PassageQuote key={`h:${p.highlightId}`} passage={p} testId="entity-passage" />)}
      {textMentions.length > 0 && (
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mt={linkedPassages.length > 0 ? 'xs' : 0}>
          In the text{textMentionTotal > textMentions.length ? ` (first ${textMentions.length} of ${textMentionTotal})` : ''}
        </Text>
      )}
      {textMentions.map((p) => <PassageQuote key={`m:${p.sourceId}:${p.start}`} passage={p} withContext testId="entity-mention" />)}
    </Section>
  );
}

export function EntityPage({ entityId }: { entityId: string }) {
  const { data: page, error } = useEntityPage(entityId);
  // Its creation undone (or a merge redone) while open: back to the list, quietly; the undo toast offers Redo.
  const gone = useLeaveWhenGone(analysisQueries.entity(entityId).key, error, () => replaceRoute({ name: 'entities' }));
  const [merging, setMerging] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [relating, setRelating] = useState(false);
  const [openRelationship, setOpenRelationship] = useState<string | null>(null);

  if (gone) return null;
  if (error && !page) {
    return (
      <Center h="60vh">
        <Alert color="red" title="This entity could not be opened" maw={520} data-testid="entity-error">{error.message}</Alert>
      </Center>
    );
  }
  if (!page) return <Center h="60vh"><Loader /></Center>;
  const { entity, claimsBy, claimsAbout, relationships } = page;
  const claimsTouched = new Set([...claimsBy, ...claimsAbout].map((c) => c.id)).size;

  return (
    <div className={classes.root} data-testid="entity-page" data-entity-id={entity.id}>
      <EntityHeader entity={entity} onMerge={() => setMerging(true)} onDelete={() => setConfirmDelete(true)} onRelate={() => setRelating(true)} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="xl">
        <Mentions page={page} />
        <Stack gap="xl">
          <Section title="Relationships" count={relationships.length} testId="entity-relationships">
            <RelationshipList relationships={relationships} focusId={entity.id} onOpen={setOpenRelationship} />
          </Section>
          <Section title="Claims made" count={claimsBy.length} testId="entity-claims-by">
            {claimsBy.length === 0 ? <Text size="sm" c="dimmed">No claims by {entity.name}.</Text> : claimsBy.map((c) => <ClaimCard key={c.id} claim={c} />)}
          </Section>
          <Section title="Claims about" count={claimsAbout.length} testId="entity-claims-about">
            {claimsAbout.length === 0 ? <Text size="sm" c="dimmed">No claims about {entity.name}.</Text> : claimsAbout.map((c) => <ClaimCard key={c.id} claim={c} />)}
          </Section>
        </Stack>
      </SimpleGrid>
      <EntityMergeModal entity={entity} opened={merging} onClose={() => setMerging(false)} onMerged={(id) => navigate({ name: 'entity', entityId: id })} />
      <RelationshipDialog opened={relating} onClose={() => setRelating(false)} seed={{ fromId: entity.id }} />
      <Drawer opened={openRelationship !== null} onClose={() => setOpenRelationship(null)} position="right" size="lg" title=" " data-testid="relationship-drawer">
        {openRelationship && <RelationshipPanel relationshipId={openRelationship} onDeleted={() => setOpenRelationship(null)} />}
      </Drawer>
      <ConfirmDialog
        opened={confirmDelete} title={`Delete “${entity.name}”?`} confirmLabel="Delete entity" onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          const result = await deleteEntity(entity.id);
          if (!result) return;
          setConfirmDelete(false);
          notifySuccess('Entity deleted', `${entity.name}: ${plural(result.removedRelationships, 'relationship')} removed, ${plural(result.updatedClaims, 'claim')} updated.`);
          navigate({ name: 'entities' });
        }}
      >
        <span data-testid="entity-delete-summary">
          {plural(relationships.length, 'relationship')} will go with it
          {claimsTouched > 0 ? `, and ${plural(claimsTouched, 'claim')} will no longer name it (the claims stay)` : ''}.
          Passages stay; only their link to “{entity.name}” is removed.
        </span>
      </ConfirmDialog>
    </div>
  );
}
