/** Imports W3C annotations from a chosen file (optionally onto one source) and shows the report: attached, duplicates, orphans and why. */
import { Alert, Button, Group, List, Modal, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AnnotationImportReport } from '../../../../../shared/contract/views-dossiers';
import { useSources } from '../../../api/hooks';
import { importAnnotations } from '../../../api/dossierMutations';
import { plural } from '../lib/format';


export function AnnotationImportModal({ file, onClose }: { file: File; onClose: () => void }) {
  const { data: sources = [] } = useSources();
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<AnnotationImportReport | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setReadError(null);
    let json: string;
    try {
      json = await file.text();
    } catch (cause) {
      setBusy(false);
      setReadError(`Could not read ${file.name}: ${(cause as Error).message}`);
      return;
    }
    const result = await importAnnotations({ json, ...(sourceId ? { sourceId } : {}) });
    setBusy(false);
    if (result) setReport(result);
  };

  return (
    <Modal opened onClose={onClose} title="Import annotations" size="lg" centered data-testid="annotation-import-modal">
      {report ? (
        <Stack gap="sm" data-testid="import-report">
          <Text size="sm">
            <b data-testid="import-attached">{plural(report.attached, 'annotation')}</b> attached as highlights ·{' '}
            <span data-testid="import-duplicates">{plural(report.duplicates, 'duplicate')}</span> skipped ·{' '}
            <span data-testid="import-orphans">{plural(report.orphans.length, 'orphan')}</span>
          </Text>
          {report.orphans.length > 0 && (
            <ScrollArea.Autosize mah="45vh" type="auto">
              <List size="sm" spacing={6}>
                {report.orphans.map((o) => (
                  <List.Item key={o.annotationId} data-testid="import-orphan">
                    <Text size="sm" span fs="italic">“{o.quote.slice(0, 140)}{o.quote.length > 140 ? '…' : ''}”</Text>
                    <Text size="xs" c="dimmed">{o.reason}</Text>
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          )}
          <Group justify="flex-end"><Button onClick={onClose} data-testid="import-report-close">Close</Button></Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">File: <b>{file.name}</b> ({Math.ceil(file.size / 1024)} KB)</Text>
          <Select
            label="Attach to source" placeholder="The source each annotation names (by its target)" clearable value={sourceId} onChange={setSourceId}
            data={sources.map((s) => ({ value: s.id, label: s.meta.title }))} searchable comboboxProps={{ withinPortal: true }}
            description="Choose a source to anchor every annotation in it, e.g. annotations made on another copy of the same text."
            data-testid="import-annotations-source"
          />
          {readError && <Alert color="red">{readError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button loading={busy} onClick={() => void run()} data-testid="import-annotations-submit">Import</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
