/** A hypothesis column's head: its label, marked when it leads; the menu renames it in place or removes it. */
import { ActionIcon, Badge, Group, Menu, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IconChevronDown, IconPencil, IconTrash } from '../../common/Icons/Icons';

export interface HypothesisHeaderProps {
  label: string;
  leads: boolean;
  onRename: (label: string) => Promise<unknown>;
  onRemove: () => void;
}

export function HypothesisHeader({ label, leads, onRename, onRemove }: HypothesisHeaderProps) {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing !== null) {
    const save = async () => {
      const next = editing.trim();
      if (next && next !== label) await onRename(next);
      setEditing(null);
    };
    return (
      <TextInput
        size="xs" value={editing} autoFocus aria-label="Hypothesis label" data-testid="ach-hypothesis-input"
        onChange={(e) => setEditing(e.currentTarget.value)} onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') setEditing(null);
        }}
      />
    );
  }
  return (
    <Group gap={4} wrap="nowrap" justify="center" data-testid="ach-hypothesis" data-leads={leads || undefined}>
      <Stack gap={2} align="center">
        <Text size="sm" fw={600} lineClamp={3} ta="center" title={label}>{label}</Text>
        {leads && <Badge size="xs" variant="filled" data-testid="ach-leader">leads</Badge>}
      </Stack>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Hypothesis “${label}”: rename or remove`} data-testid="ach-hypothesis-menu">
            <IconChevronDown size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(label)} data-testid="ach-hypothesis-rename">Rename</Menu.Item>
          <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={onRemove} data-testid="ach-hypothesis-remove">Remove</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
