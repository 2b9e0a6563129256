/** The header's Data menu: exports (W3C annotations, GraphML, and the workspace for other tools) and imports from files. */
import { Button, Menu } from '@mantine/core';
import { Suspense, lazy, useRef, useState } from 'react';
import { EXCHANGE_EXPORT_FORMATS } from '../../../../../shared/contract/views-exchange';
import { saveExport } from '../../../api/saveExport';
import { EXCHANGE_LABELS } from '../../../api/exchangeMutations';
import { IconChevronDown } from '../Icons/Icons';

/** The import dialogs load when a file is picked: the header is on every first load. */
const AnnotationImportModal = lazy(() => import('./AnnotationImportModal').then((m) => ({ default: m.AnnotationImportModal })));
const ExchangeImportModal = lazy(() => import('./ExchangeImportModal').then((m) => ({ default: m.ExchangeImportModal })));

export function DataMenu() {
  const input = useRef<HTMLInputElement>(null);
  const qdpxInput = useRef<HTMLInputElement>(null);
  const cslInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [exchangeFile, setExchangeFile] = useState<{ file: File; format: 'qdpx' | 'csl' } | null>(null);

  const picked = (format: 'qdpx' | 'csl') => (e: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = e.currentTarget.files?.[0];
    if (chosen) setExchangeFile({ file: chosen, format });
    e.currentTarget.value = ''; // choosing the same file again must fire change again
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm" rightSection={<IconChevronDown size={14} />} data-testid="data-menu">Data</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Export</Menu.Label>
          <Menu.Item onClick={() => void saveExport({ kind: 'annotations' })} data-testid="export-annotations">Export annotations (W3C)</Menu.Item>
          <Menu.Item onClick={() => void saveExport({ kind: 'graph' })} data-testid="export-graphml">Export graph (GraphML)</Menu.Item>
          <Menu.Label>Export for…</Menu.Label>
          {EXCHANGE_EXPORT_FORMATS.map((format) => (
            <Menu.Item key={format} onClick={() => void saveExport({ kind: 'exchange', format })} data-testid={`export-exchange-${format}`}>
              {EXCHANGE_LABELS[format]}
            </Menu.Item>
          ))}
          <Menu.Label>Import</Menu.Label>
          <Menu.Item onClick={() => input.current?.click()} data-testid="import-annotations">Import annotations…</Menu.Item>
          <Menu.Item onClick={() => qdpxInput.current?.click()} data-testid="import-qdpx">Import REFI-QDA project…</Menu.Item>
          <Menu.Item onClick={() => cslInput.current?.click()} data-testid="import-csl">Import CSL-JSON…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {/* Outside the menu so they exist while the menu is closed (tests and drag-free picking use them directly). */}
      <input
        ref={input} type="file" hidden accept=".json,.jsonld,application/ld+json,application/json" data-testid="import-annotations-input"
        onChange={(e) => {
          setFile(e.currentTarget.files?.[0] ?? null);
          e.currentTarget.value = '';
        }}
      />
      <input ref={qdpxInput} type="file" hidden accept=".qdpx,application/zip" data-testid="import-qdpx-input" onChange={picked('qdpx')} />
      <input ref={cslInput} type="file" hidden accept=".json,application/json,application/vnd.citationstyles.csl+json" data-testid="import-csl-input" onChange={picked('csl')} />
      <Suspense fallback={null}>
        {file && <AnnotationImportModal file={file} onClose={() => setFile(null)} />}
        {exchangeFile && <ExchangeImportModal file={exchangeFile.file} format={exchangeFile.format} onClose={() => setExchangeFile(null)} />}
      </Suspense>
    </>
  );
}
