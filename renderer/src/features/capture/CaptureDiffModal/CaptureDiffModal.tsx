/** What changed between two versions of a page: inserted text underlined in green, deleted struck through in red, long unchanged runs elided. */
import { Alert, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useCaptureDiff } from '../../../api/captureHooks';
import { elidedLabel } from '../captureFormat';
import { diffRuns } from './diffRuns';
import classes from './CaptureDiffModal.module.css';

export function CaptureDiffModal({ pair, onClose }: { pair: { fromId: string; toId: string; title: string } | null; onClose: () => void }) {
  const { data: diff, error } = useCaptureDiff(pair ? { fromId: pair.fromId, toId: pair.toId } : null);
  const shown = diff && pair && diff.fromId === pair.fromId && diff.toId === pair.toId ? diff : null;
  const runs = useMemo(() => (shown ? diffRuns(shown.parts) : []), [shown]);

  return (
    // Above the source details dialog it is opened from.
    <Modal opened={pair !== null} onClose={onClose} title={pair?.title ?? ''} size="xl" centered zIndex={310} data-testid="capture-diff">
      {error && !shown && <Alert color="red" title="The versions could not be compared">{error.message}</Alert>}
      {!shown && !error && <Loader size="sm" />}
      {shown && (
        <Stack gap="sm">
          <Group gap="md" data-testid="capture-diff-stats">
            <Text size="sm"><ins className={`${classes.ins} ${classes.legendIns}`}>{shown.stats.insertedChars.toLocaleString('en-US')} inserted</ins></Text>
            <Text size="sm"><del className={`${classes.del} ${classes.legendDel}`}>{shown.stats.deletedChars.toLocaleString('en-US')} deleted</del></Text>
            <Text size="sm" c="dimmed">{shown.stats.unchangedChars.toLocaleString('en-US')} unchanged (characters)</Text>
          </Group>
          {runs.length === 0 ? <Text size="sm" c="dimmed">The two texts are the same.</Text> : (
            <div className={classes.text} data-testid="capture-diff-text">
              {runs.map((run, i) => {
                switch (run.kind) {
                  case 'insert': return <ins key={i} className={classes.ins}>{run.text}</ins>;
                  case 'delete': return <del key={i} className={classes.del}>{run.text}</del>;
                  case 'elided': return <span key={i} className={classes.elided} data-testid="capture-diff-elided">{elidedLabel(run.chars)}</span>;
                  default: return <span key={i}>{run.text}</span>;
                }
              })}
            </div>
          )}
        </Stack>
      )}
    </Modal>
  );
}
