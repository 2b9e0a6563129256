/** Imports a REFI-QDA project (.qdpx) or CSL-JSON references from a chosen file and shows what was added, updated or left out. */
import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExchangeImportReport } from '../../../../../shared/contract/views-exchange';
import { bytesToBase64 } from '../lib/base64';
import { importExchange } from '../../../api/exchangeMutations';
import { plural } from '../lib/format';


function Report({ report }: { report: ExchangeImportReport }) {
  if (report.format === 'csl') {
    return (
      <>
        <Text size="sm" data-testid="exchange-import-summary">
          {plural(report.items, 'reference')}: <b>{plural(report.updated.length, 'source')} updated</b> · {report.unchanged} unchanged · {report.unmatched.length} not matched
        </Text>
        <List size="sm" spacing={4}>
          {report.updated.map((u) => <List.Item key={u.sourceId}>{u.title} <Text span size="xs" c="dimmed">({u.fields.join(', ')}; by {u.matchedBy})</Text></List.Item>)}
          {report.unmatched.map((u) => <List.Item key={u.itemId}>{u.title || u.itemId} <Text span size="xs" c="dimmed">— {u.reason}</Text></List.Item>)}
        </List>
      </>
    );
  }
  return (
    <>
      <Text size="sm" data-testid="exchange-import-summary">
        “{report.project}”: <b>{plural(report.sourcesCreated, 'source')}</b> added ({report.sourcesExisting} already here) ·{' '}
        <b>{plural(report.highlightsCreated, 'highlight')}</b> ({report.duplicates} already here) · {plural(report.tagsCreated, 'new tag')} ·{' '}
        {plural(report.memosAttached, 'memo')} attached
      </Text>
      {report.skipped.length > 0 && (
        <List size="sm" spacing={4}>
          {report.skipped.map((s, i) => <List.Item key={i}>{s.what} <Text span size="xs" c="dimmed">— {s.reason}</Text></List.Item>)}
        </List>
      )}
    </>
  );
}

export function ExchangeImportModal({ file, format, onClose }: { file: File; format: 'qdpx' | 'csl'; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ExchangeImportReport | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setReadError(null);
    let data: string;
    try {
      data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch (cause) {
      setBusy(false);
      setReadError(`Could not read ${file.name}: ${(cause as Error).message}`);
      return;
    }
    const result = await importExchange(format, file.name, data);
    setBusy(false);
    if (result) setReport(result);
  };

  const title = format === 'qdpx' ? 'Import REFI-QDA project' : 'Import CSL-JSON references';
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered data-testid="exchange-import-modal">
      {report ? (
        <Stack gap="sm" data-testid="exchange-import-report">
          <ScrollArea.Autosize mah="55vh" type="auto"><Stack gap="xs"><Report report={report} /></Stack></ScrollArea.Autosize>
          <Group justify="flex-end"><Button onClick={onClose}>Close</Button></Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">File: <b>{file.name}</b> ({Math.ceil(file.size / 1024)} KB)</Text>
          <Text size="sm" c="dimmed">
            {format === 'qdpx'
              ? 'Text sources become sources, codes become tags, codings become highlights and memos on passages their notes. One undo reverts it all.'
              : 'Each reference updates the details of the source with the same URL (or DOI, or title). References without a matching source are listed, not added.'}
          </Text>
          {readError && <Alert color="red">{readError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button loading={busy} onClick={() => void run()} data-testid="exchange-import-submit">Import</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
