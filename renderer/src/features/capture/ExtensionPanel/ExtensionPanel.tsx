/** "Browser extension": a one-time pairing code with its expiry and the endpoint to send to, and the paired extensions with Unpair. */
import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PairedExtension, PairingCode } from '../../../../../shared/contract/views-capture';
import { usePairedExtensions } from '../../../api/captureHooks';
import { newPairingCode, refreshPairedExtensions, unpairExtension } from '../../../api/captureMutations';
import { notifySuccess } from '../../../api/notify';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { formatUtc } from '../captureFormat';
import { IconPlug } from '../CaptureIcons/CaptureIcons';

/** Minutes and seconds left, ticking; "expired" once past (a new code is one click away). */
function useTimeLeft(expiresAt: string | null): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [expiresAt]);
  if (!expiresAt) return null;
  const left = Math.round((new Date(expiresAt).getTime() - now) / 1000);
  if (!Number.isFinite(left) || left <= 0) return 'expired';
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
}

function PairingCodeBox({ code }: { code: PairingCode }) {
  const left = useTimeLeft(code.expiresAt);
  return (
    <Paper withBorder p="md" data-testid="extension-pairing">
      <Stack gap={6}>
        <Text size="sm">Enter this code in the extension’s options (valid once):</Text>
        <Text fz={28} fw={700} ff="monospace" lts={4} data-testid="extension-code">{code.code}</Text>
        <Text size="sm" c={left === 'expired' ? 'red' : 'dimmed'} data-testid="extension-expiry">
          Expires {formatUtc(code.expiresAt)} ({left})
        </Text>
        <Text size="sm">Endpoint: <Text span ff="monospace" size="sm" data-testid="extension-endpoint">{code.endpoint}</Text></Text>
      </Stack>
    </Paper>
  );
}

function PairedList({ onUnpair }: { onUnpair: (e: PairedExtension) => void }) {
  const { data: paired, error, loading } = usePairedExtensions();
  if (error && !paired) return <Alert color="red" title="The paired extensions could not be listed">{error.message}</Alert>;
  if (!paired) return loading ? <Loader size="xs" /> : null;
  if (paired.length === 0) return <Text size="sm" c="dimmed" data-testid="extension-none">No extension is paired: nothing can send pages to this workspace.</Text>;
  return (
    <Table fz="sm" data-testid="extension-list">
      <Table.Thead><Table.Tr><Table.Th>Extension</Table.Th><Table.Th>Paired</Table.Th><Table.Th>Last used</Table.Th><Table.Th /></Table.Tr></Table.Thead>
      <Table.Tbody>
        {paired.map((e) => (
          <Table.Tr key={e.id} data-testid="extension-row">
            <Table.Td>{e.name}</Table.Td>
            <Table.Td>{formatUtc(e.pairedAt)}</Table.Td>
            <Table.Td>{e.lastSeenAt ? formatUtc(e.lastSeenAt) : 'never'}</Table.Td>
            <Table.Td ta="right"><Button size="compact-sm" variant="subtle" color="red" onClick={() => onUnpair(e)} data-testid="extension-unpair">Unpair</Button></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ExtensionPanel() {
  const [code, setCode] = useState<PairingCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [toUnpair, setToUnpair] = useState<PairedExtension | null>(null);

  const makeCode = async () => {
    setBusy(true);
    const made = await newPairingCode();
    setBusy(false);
    if (made) setCode(made);
  };
  const unpair = async () => {
    if (!toUnpair) return;
    const done = await unpairExtension(toUnpair.id);
    if (done) notifySuccess('Extension unpaired', `“${toUnpair.name}” can no longer send pages to this workspace.`);
    setToUnpair(null);
  };

  return (
    <Stack gap="sm" data-testid="extension-panel">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>Browser extension</Title>
          <Text size="sm" c="dimmed">
            “Send page to Workbench” and “Send selection as highlight” from Chromium or Firefox. The workbench listens on this
            computer only (loopback) and accepts only paired extensions; what they send goes through the same import checks.
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => void refreshPairedExtensions()} data-testid="extension-refresh">Refresh list</Button>
          <Button leftSection={<IconPlug size={16} />} onClick={makeCode} loading={busy} data-testid="extension-pair">
            {code ? 'New pairing code' : 'Pair an extension…'}
          </Button>
        </Group>
      </Group>
      {code && <PairingCodeBox code={code} />}
      <PairedList onUnpair={setToUnpair} />
      <ConfirmDialog opened={toUnpair !== null} title="Unpair extension?" confirmLabel="Unpair" onCancel={() => setToUnpair(null)} onConfirm={unpair}>
        {toUnpair && <>“{toUnpair.name}” will be refused from now on. Pages it sent stay in the library. Pair it again with a new code.</>}
      </ConfirmDialog>
    </Stack>
  );
}
