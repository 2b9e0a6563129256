/** The header's Data menu: export all annotations (W3C JSON-LD), export the graph (GraphML), import annotations from a file. */
import { Button, Menu } from '@mantine/core';
import { useRef, useState } from 'react';
import { saveExport } from '../../../api/saveExport';
import { IconChevronDown } from '../Icons/Icons';
import { AnnotationImportModal } from './AnnotationImportModal';

export function DataMenu() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);

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
          <Menu.Label>Import</Menu.Label>
          <Menu.Item onClick={() => input.current?.click()} data-testid="import-annotations">Import annotations…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {/* Outside the menu so it exists while the menu is closed (tests and drag-free picking use it directly). */}
      <input
        ref={input} type="file" hidden accept=".json,.jsonld,application/ld+json,application/json" data-testid="import-annotations-input"
        onChange={(e) => {
          setFile(e.currentTarget.files?.[0] ?? null);
          e.currentTarget.value = ''; // choosing the same file again must fire change again
        }}
      />
      {file && <AnnotationImportModal file={file} onClose={() => setFile(null)} />}
    </>
  );
}
