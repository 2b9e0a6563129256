/** A section's "Add block" menu: a new text, graph or timeline block, or a claim/passage/relationship/entity/ACH matrix picked from the workspace. */
import { Button, Menu } from '@mantine/core';
import type { PickableKind } from '../../common/RecordPicker/RecordPicker';
import { IconPlus } from '../../common/Icons/Icons';

export type DirectKind = 'text' | 'graph' | 'timeline';

export interface AddBlockMenuProps {
  onAdd: (kind: DirectKind) => void;
  onPick: (kind: PickableKind) => void;
}

export function AddBlockMenu({ onAdd, onPick }: AddBlockMenuProps) {
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} data-testid="add-block">Add block</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAdd('text')} data-testid="add-block-text">Text (Markdown)</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => onPick('claim')} data-testid="add-block-claim">Claim…</Menu.Item>
        <Menu.Item onClick={() => onPick('quote')} data-testid="add-block-quote">Quoted passage…</Menu.Item>
        <Menu.Item onClick={() => onPick('relationship')} data-testid="add-block-relationship">Relationship…</Menu.Item>
        <Menu.Item onClick={() => onPick('entity')} data-testid="add-block-entity">Entity profile…</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => onAdd('graph')} data-testid="add-block-graph">Relationship graph</Menu.Item>
        <Menu.Item onClick={() => onAdd('timeline')} data-testid="add-block-timeline">Timeline</Menu.Item>
        <Menu.Item onClick={() => onPick('ach')} data-testid="add-block-ach">ACH matrix…</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
