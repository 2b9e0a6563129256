/** "Importing 3 of 7…" with a progress bar while a batch of files is imported. */
import { Group, Loader, Paper, Progress, Text } from '@mantine/core';
import type { ImportProgress as Progress_ } from '../../../api/importFiles';

export function ImportProgress({ progress }: { progress: Progress_ }) {
  const percent = (100 * (progress.current - 1)) / progress.total;
  return (
    <Paper withBorder p="sm" data-testid="import-progress" role="status" aria-live="polite">
      <Group gap="sm" mb={6} wrap="nowrap">
        <Loader size="xs" />
        <Text size="sm" fw={500}>Importing {progress.current} of {progress.total}…</Text>
        <Text size="sm" c="dimmed" truncate>{progress.fileName}</Text>
      </Group>
      <Progress value={percent} size="sm" animated />
    </Paper>
  );
}
