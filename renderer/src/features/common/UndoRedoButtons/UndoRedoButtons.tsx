/** Header undo/redo buttons; their tooltips name the step (from history.state). */
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { useHistory } from '../../../api/hooks';
import { redo, undo } from '../../../api/mutations';
import { IconRedo, IconUndo } from '../Icons/Icons';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function UndoRedoButtons() {
  const { data: history } = useHistory();
  const undoLabel = history?.canUndo ? `Undo: ${history.undoLabel ?? 'last change'}` : 'Nothing to undo';
  const redoLabel = history?.canRedo ? `Redo: ${history.redoLabel ?? 'last change'}` : 'Nothing to redo';
  return (
    <Group gap={4}>
      <Tooltip label={`${undoLabel} (${mod}Z)`}>
        <ActionIcon
          variant="default" size="lg" aria-label={undoLabel} data-testid="undo"
          disabled={!history?.canUndo} onClick={() => void undo()}
        >
          <IconUndo />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`${redoLabel} (${mod}${isMac ? '⇧Z' : 'Y'})`}>
        <ActionIcon
          variant="default" size="lg" aria-label={redoLabel} data-testid="redo"
          disabled={!history?.canRedo} onClick={() => void redo()}
        >
          <IconRedo />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
