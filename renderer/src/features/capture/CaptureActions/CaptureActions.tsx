/** A capture's actions: verify the stored hashes, save the raw or printed copy, re-capture; each shows its outcome here. */
import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CaptureVerification, RecaptureOutcome } from '../../../../../shared/contract/views-capture';
import type { Source } from '../../../../../shared/domain/types';
import { recapture, saveCaptureArtifact, verifyCapture } from '../../../api/captureMutations';
import { hrefFor } from '../../../routes/useRoute';
import { describeRecapture, verifyItems } from '../captureFormat';
import { IconDownload, IconRefresh, IconShieldOk } from '../CaptureIcons/CaptureIcons';
import classes from '../CaptureProvenance/CaptureProvenance.module.css';

function VerifyResult({ result }: { result: CaptureVerification }) {
  const items = verifyItems(result);
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" title="Hashes match" data-testid="capture-verify-ok">
        {items.map((i) => i.label).join(', ')}: the stored copies are byte for byte what was captured.
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title="Hashes do not match" data-testid="capture-verify-failed">
      <List size="sm" spacing={4}>
        {items.map((i) => (
          <List.Item key={i.key} data-testid="capture-verify-item" data-ok={i.ok}>
            <Text span size="sm" fw={600}>{i.label}: {i.ok ? 'matches' : i.actual === null ? 'MISSING' : 'MISMATCH'}</Text>
            {!i.ok && (
              <Text size="xs" ff="monospace" className={classes.hash}>
                expected {i.expected}<br />{i.actual === null ? 'the stored file is gone' : `found\u00a0\u00a0\u00a0 ${i.actual}`}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function RecaptureResult({ result, onLeave }: { result: RecaptureOutcome; onLeave: () => void }) {
  if (result.status === 'unchanged') {
    return <Alert color="blue" variant="light" title="Unchanged" data-testid="capture-recapture-unchanged">{describeRecapture(result)}</Alert>;
  }
  return (
    <Alert color="teal" variant="light" title="New version" data-testid="capture-recapture-changed">
      <Stack gap={6}>
        <Text size="sm" data-testid="capture-recapture-summary">{describeRecapture(result)}</Text>
        {result.orphans.length > 0 && (
          <div>
            <Text size="sm">Not placed on the new version (their passage changed or is gone; they stay on the old one):</Text>
            <List size="sm" data-testid="capture-orphans">
              {result.orphans.map((o) => <List.Item key={o.highlightId}>“{o.exact.length > 160 ? `${o.exact.slice(0, 160)}…` : o.exact}”</List.Item>)}
            </List>
          </div>
        )}
        <Anchor href={hrefFor({ name: 'reader', sourceId: result.source.id, highlightId: null })} onClick={onLeave} size="sm" data-testid="capture-new-version-link">
          Open the new version
        </Anchor>
      </Stack>
    </Alert>
  );
}

export function CaptureActions({ source, onLeave }: { source: Source; onLeave: () => void }) {
  const [busy, setBusy] = useState<'verify' | 'raw' | 'rendered' | 'recapture' | null>(null);
  const [verified, setVerified] = useState<CaptureVerification | null>(null);
  const [recaptured, setRecaptured] = useState<RecaptureOutcome | null>(null);
  const act = async <T,>(which: NonNullable<typeof busy>, run: () => Promise<T>): Promise<T> => {
    setBusy(which);
    try {
      return await run();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          size="xs" variant="default" leftSection={<IconShieldOk size={14} />} loading={busy === 'verify'} disabled={busy !== null && busy !== 'verify'}
          onClick={async () => setVerified(await act('verify', () => verifyCapture(source.id)))} data-testid="capture-verify"
        >
          Verify
        </Button>
        <Button
          size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={busy === 'raw'}
          onClick={() => void act('raw', () => saveCaptureArtifact(source.id, 'raw'))} data-testid="capture-save-raw"
        >
          Save raw copy
        </Button>
        <Button
          size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={busy === 'rendered'} disabled={!source.capture?.rendered}
          onClick={() => void act('rendered', () => saveCaptureArtifact(source.id, 'rendered'))} data-testid="capture-save-rendered"
        >
          Save printed copy
        </Button>
        <Button
          size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={busy === 'recapture'} disabled={busy !== null && busy !== 'recapture'}
          onClick={async () => setRecaptured(await act('recapture', () => recapture(source.id)))} data-testid="capture-recapture"
        >
          Re-capture
        </Button>
      </Group>
      {verified && <VerifyResult result={verified} />}
      {recaptured && <RecaptureResult result={recaptured} onLeave={onLeave} />}
    </Stack>
  );
}
