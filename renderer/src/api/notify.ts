/** User-facing messages (Mantine notifications): errors stay longer so they can be read. */
import { notifications } from '@mantine/notifications';

export function notifyError(title: string, message: string): void {
  notifications.show({ title, message, color: 'red', autoClose: 10_000, withBorder: true });
}

export function notifyInfo(title: string, message: string): void {
  notifications.show({ title, message, color: 'blue', autoClose: 5_000 });
}

export function notifySuccess(title: string, message: string): void {
  notifications.show({ title, message, color: 'teal', autoClose: 4_000 });
}

export function notifyWarning(title: string, message: string): void {
  notifications.show({ title, message, color: 'yellow', autoClose: 8_000, withBorder: true });
}
