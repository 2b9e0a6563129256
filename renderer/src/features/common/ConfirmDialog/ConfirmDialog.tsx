/** A confirmation modal for destructive actions; the confirm button shows progress while the action runs. */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onCancel: () => void;
  /** Resolves when done; the dialog stays open (with a spinner) until then. */
  onConfirm: () => Promise<unknown> | void;
}

export function ConfirmDialog({ opened, title, children, confirmLabel, onCancel, onConfirm }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered data-testid="confirm-dialog">
      <Text size="sm" component="div">{children}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel} data-testid="confirm-cancel">Cancel</Button>
        <Button color="red" loading={busy} onClick={confirm} data-testid="confirm-submit" data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
