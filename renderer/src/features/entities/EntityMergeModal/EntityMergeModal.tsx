/** Merging an entity into another: its names become aliases and every passage, claim and relationship moves over. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Entity } from '../../../../../shared/domain/types';
import { mergeEntities } from '../../../api/analysisMutations';
import { notifySuccess } from '../../../api/notify';
import { EntitySelect } from '../EntitySelect/EntitySelect';

export interface EntityMergeModalProps {
  entity: Entity;
  opened: boolean;
  onClose: () => void;
  onMerged: (intoId: string) => void;
}

export function EntityMergeModal({ entity, opened, onClose, onMerged }: EntityMergeModalProps) {
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) setTarget(null);
  }, [opened]);

  const submit = async () => {
    if (!target) return;
    setBusy(true);
    const merged = await mergeEntities({ fromId: entity.id, intoId: target });
    setBusy(false);
    if (!merged) return;
    notifySuccess('Entities merged', `“${entity.name}” is now an alias of “${merged.name}”.`);
    onClose();
    onMerged(merged.id);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Merge “${entity.name}” into…`} centered>
      <Stack gap="sm" data-testid="entity-merge-dialog">
        <Text size="sm">
          “{entity.name}” and its aliases become aliases of the chosen entity. Its linked passages, claims and
          relationships move over (the same relationship twice becomes one, with the evidence of both), and
          “{entity.name}” is removed. Undo takes it all back.
        </Text>
        <EntitySelect label="Merge into" value={target} onChange={setTarget} exclude={[entity.id]} testId="entity-merge-target" autoFocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!target} data-testid="entity-merge-submit">Merge</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
