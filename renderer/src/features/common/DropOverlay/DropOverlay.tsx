/** The dashed "drop files here" overlay, over one screen (absolute) or the whole window (fixed). */
import { Text } from '@mantine/core';
import classes from './DropOverlay.module.css';

export function DropOverlay({ label, window = false, testId }: { label: string; window?: boolean; testId?: string }) {
  return (
    <div className={window ? `${classes.overlay} ${classes.window}` : classes.overlay} data-testid={testId}>
      <Text fw={600} size="lg">{label}</Text>
    </div>
  );
}
