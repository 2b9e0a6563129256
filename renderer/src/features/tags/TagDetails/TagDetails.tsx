/** The selected tag: rename, colour, parent, merge, delete — and the highlights that carry it. */
import { Button, ColorInput, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TagSummary } from '../../../../../shared/contract/views';
import { deleteTag, updateTag } from '../../../api/mutations';
import { notifySuccess } from '../../../api/notify';
import { isHexColor, TAG_SWATCHES } from '../tagPalette';
import { selfAndDescendants } from '../tagTree';
import { tagLabel } from '../../common/lib/tagValues';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { IconMerge, IconPencil, IconTrash } from '../../common/Icons/Icons';
import { ROOT_PARENT } from '../TagFormModal/TagFormModal';
import { TagHighlightList } from '../TagHighlightList/TagHighlightList';
import { TagMergeModal } from '../TagMergeModal/TagMergeModal';
import { TagRenameModal } from '../TagRenameModal/TagRenameModal';
import { TeamAuthorLine } from '../../team/TeamAuthorLine/TeamAuthorLine';

export interface TagDetailsProps {
  tag: TagSummary;
  tags: TagSummary[];
  onSelect: (id: string | null) => void;
}

export function TagDetails({ tag, tags, onSelect }: TagDetailsProps) {
  const [color, setColor] = useState(tag.color);
  const [dialog, setDialog] = useState<'rename' | 'merge' | 'delete' | null>(null);
  useEffect(() => setColor(tag.color), [tag.color]);

  const saveColor = (value: string) => {
    if (isHexColor(value) && value.toLowerCase() !== tag.color.toLowerCase()) void updateTag({ id: tag.id, color: value });
  };
  const excluded = selfAndDescendants(tags, tag.id);
  const parentOptions = [
    { value: ROOT_PARENT, label: 'None (top level)' },
    ...tags.filter((t) => !excluded.has(t.id)).map((t) => ({ value: t.id, label: tagLabel(t) })).sort((a, b) => a.label.localeCompare(b.label)),
  ];
  const close = () => setDialog(null);

  return (
    <Stack gap="lg" data-testid="tag-details" data-tag-id={tag.id}>
      <div>
        <Title order={3} data-testid="tag-title">{tag.name}</Title>
        <Text size="sm" c="dimmed">
          {tag.path !== tag.name ? `${tag.path} · ` : ''}{tag.count} highlight{tag.count === 1 ? '' : 's'}
        </Text>
        <TeamAuthorLine collection="tags" id={tag.id} />
      </div>
      <Group gap="sm" align="flex-end">
        <ColorInput
          label="Colour" format="hex" swatches={TAG_SWATCHES} w={180} value={color}
          onChange={setColor} onChangeEnd={saveColor} onBlur={() => saveColor(color)} data-testid="tag-color"
        />
        <Select
          label="Parent" w={240} data={parentOptions} value={tag.parentId ?? ROOT_PARENT} allowDeselect={false} searchable
          onChange={(v) => {
            const parentId = !v || v === ROOT_PARENT ? null : v;
            if (parentId !== tag.parentId) void updateTag({ id: tag.id, parentId });
          }}
          data-testid="tag-parent"
        />
      </Group>
      <Group gap="xs">
        <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => setDialog('rename')} data-testid="tag-rename">Rename</Button>
        <Button variant="default" leftSection={<IconMerge size={14} />} onClick={() => setDialog('merge')} data-testid="tag-merge">Merge into…</Button>
        <Button variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDialog('delete')} data-testid="tag-delete">Delete</Button>
      </Group>
      <div>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">Highlights with this tag</Text>
        <TagHighlightList tagId={tag.id} />
      </div>
      <TagRenameModal tag={tag} opened={dialog === 'rename'} onClose={close} />
      <TagMergeModal tag={tag} tags={tags} opened={dialog === 'merge'} onClose={close} onMerged={(id) => onSelect(id)} />
      <ConfirmDialog
        opened={dialog === 'delete'} title="Delete tag?" confirmLabel="Delete tag" onCancel={close}
        onConfirm={async () => {
          const result = await deleteTag(tag.id);
          if (!result) return;
          notifySuccess('Tag deleted', `Deleted “${tag.name}”; ${result.untagged} highlight${result.untagged === 1 ? '' : 's'} lost it.`);
          close();
          onSelect(null);
        }}
      >
        “{tag.name}” will be deleted and <strong>{tag.count} highlight{tag.count === 1 ? '' : 's'}</strong> will lose it.
        The highlights themselves stay.
      </ConfirmDialog>
    </Stack>
  );
}
