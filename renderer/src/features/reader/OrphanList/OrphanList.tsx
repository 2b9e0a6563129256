/** Highlights whose passage can no longer be found in the text: listed, never drawn. */
import { Alert, Stack, Text, UnstyledButton } from '@mantine/core';
import type { AnchoredHighlight } from '../../../../../shared/contract/views';
import { IconAlert } from '../../common/Icons/Icons';
import classes from './OrphanList.module.css';
import { quotedText } from '../../../../../shared/dossier/pages';

export function OrphanList({ orphans, onSelect }: { orphans: AnchoredHighlight[]; onSelect: (id: string) => void }) {
  if (orphans.length === 0) return null;
  return (
    <Alert
      color="orange" variant="light" icon={<IconAlert size={18} />} title={`Could not be placed (${orphans.length})`}
      data-testid="orphans"
    >
      <Text size="xs" mb="xs">These passages were not found in the current text. They keep their tags and notes.</Text>
      <Stack gap={6}>
        {orphans.map(({ highlight }) => (
          <UnstyledButton
            key={highlight.id} className={classes.item} onClick={() => onSelect(highlight.id)}
            data-testid="orphan-item" data-highlight-id={highlight.id}
          >
            <Text size="sm" lineClamp={3}>{quotedText(highlight)}</Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Alert>
  );
}
