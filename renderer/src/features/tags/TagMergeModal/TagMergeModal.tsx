/** Merging a tag into another: every highlight tagged with it gets the target instead (tags.merge, one step). */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TagSummary } from '../../../../../shared/contract/views';
import { mergeTags } from '../../../api/mutations';
import { notifySuccess } from '../../../api/notify';
import { tagLabel } from '../../common/lib/tagValues';

export interface TagMergeModalProps {
  tag: TagSummary;
  tags: TagSummary[];
  opened: boolean;
  onClose: () => void;
  onMerged: (intoId: string) => void;
}

export function TagMergeModal({ tag, tags, opened, onClose, onMerged }: TagMergeModalProps) {
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) setTarget(null);
  }, [opened]);

  const options = tags
    .filter((t) => t.id !== tag.id)
    .map((t) => ({ value: t.id, label: tagLabel(t) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = async () => {
    if (!target) return;
    setBusy(true);
    const merged = await mergeTags({ fromId: tag.id, intoId: target });
    setBusy(false);
    if (merged) {
      notifySuccess('Tags merged', `“${tag.name}” was merged into “${merged.into.name}”; ${merged.retagged} highlight${merged.retagged === 1 ? '' : 's'} retagged.`);
      onMerged(merged.into.id);
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Merge “${tag.name}” into…`} centered>
      <Stack gap="sm">
        <Text size="sm">
          The {tag.count} highlight{tag.count === 1 ? '' : 's'} tagged “{tag.name}” will carry the chosen tag instead,
          and “{tag.name}” will be removed.
        </Text>
        <Select
          label="Target tag" placeholder="Choose a tag" data={options} value={target} onChange={setTarget}
          searchable nothingFoundMessage="No other tag" data-testid="tag-merge-target" comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!target} data-testid="tag-merge-submit">Merge</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
