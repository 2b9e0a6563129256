/** A toast with one button (e.g. "Redo" after an undo): the notification itself offers the way back. */
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

export interface ToastAction {
  label: string;
  testId: string;
  onClick: () => void;
}

/** `id` lets a newer toast replace this one instead of stacking up; pressing the button closes it. */
export function notifyWithAction(id: string, title: string, message: string, action: ToastAction): void {
  notifications.hide(id);
  notifications.show({
    id, title, color: 'blue', autoClose: 8_000,
    message: (
      <Stack gap={6}>
        <Text size="sm">{message}</Text>
        <Button
          size="compact-xs" variant="light" w="fit-content" data-testid={action.testId}
          onClick={() => {
            notifications.hide(id);
            action.onClick();
          }}
        >
          {action.label}
        </Button>
      </Stack>
    ),
  });
}
