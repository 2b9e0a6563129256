/** "Add to dossier…" for a highlight (quote), claim, relationship, entity or ACH matrix: opens a small dialog to pick the dossier and section. */
import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import type { BlockKind } from '../../../../../shared/domain/types';
import { IconPlus } from '../../common/Icons/Icons';
import { AddToDossierModal } from './AddToDossierModal';

export type CitableKind = Extract<BlockKind, 'quote' | 'claim' | 'relationship' | 'entity' | 'ach'>;

export interface AddToDossierButtonProps {
  kind: CitableKind;
  refId: string;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}

export function AddToDossierButton({ kind, refId, size = 'xs', variant = 'default' }: AddToDossierButtonProps) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size={size} variant={variant} leftSection={<IconPlus size={14} />} onClick={() => setOpened(true)} data-testid="add-to-dossier">
        Add to dossier…
      </Button>
      {opened && <AddToDossierModal kind={kind} refId={refId} onClose={() => setOpened(false)} />}
    </>
  );
}
