/** The library: all sources in a sortable, filterable table, with paste, file and URL import and drag-and-drop. */
import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { LibrarySource } from '../../../../../shared/contract/library-wire';
import { useMenuCommand } from '../../../api/desktopCommands';
import { useSources } from '../../../api/hooks';
import { deleteSource } from '../../../api/mutations';
import { notifySuccess } from '../../../api/notify';
import { filterAndSortSources, nextSort, type SourceSort } from '../sortSources';
import { navigate } from '../../../routes/useRoute';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { DropOverlay } from '../../common/DropOverlay/DropOverlay';
import { IconClipboard, IconSearch, IconUpload } from '../../common/Icons/Icons';
import { ImportProgress } from '../ImportProgress/ImportProgress';
import { ImportUrlModal } from '../ImportUrlModal/ImportUrlModal';
import { urlsInTransfer } from '../ImportUrlModal/urlList';
import { IconWorld } from '../../capture/CaptureIcons/CaptureIcons';
import { isEditableTarget } from '../../common/lib/editableTarget';
import { PasteTextModal } from '../PasteTextModal/PasteTextModal';
import { SourcesTable } from '../SourcesTable/SourcesTable';
import { ACCEPTED_EXTENSIONS, useFileImport } from './useFileImport';
import classes from './LibraryScreen.module.css';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
/** A link dragged from a browser's address bar or page carries text/uri-list (and no files). */
const hasLink = (e: DragEvent) => !hasFiles(e) && Array.from(e.dataTransfer.types).includes('text/uri-list');
const accepts = (e: DragEvent) => hasFiles(e) || hasLink(e);

export function LibraryScreen() {
  const { data: sources, error, loading } = useSources();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SourceSort>({ column: 'added', direction: 'desc' });
  const [pasteOpen, setPasteOpen] = useState(false);
  const [toDelete, setToDelete] = useState<LibrarySource | null>(null);
  const [dragDepth, setDragDepth] = useState(0);
  const [dragLinks, setDragLinks] = useState(false);
  const [urlDialog, setUrlDialog] = useState<{ prefill: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { progress, importFiles } = useFileImport();
  // File › Import… and Paste text… (menu or palette) use this screen's own picker and dialog, with its progress.
  useMenuCommand('import', () => fileInput.current?.click());
  useMenuCommand('pasteText', () => setPasteOpen(true));
  useMenuCommand('importUrl', () => setUrlDialog({ prefill: '' }));

  // A link pasted on the library (not into a field) opens the URL dialog with it; other pastes are left alone.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target) || document.querySelector('[role="dialog"]')) return;
      const urls = urlsInTransfer(e.clipboardData?.getData('text/uri-list') ?? '', e.clipboardData?.getData('text/plain') ?? '');
      if (urls.length === 0) return;
      e.preventDefault();
      setUrlDialog({ prefill: urls.join('\n') });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const shown = useMemo(() => filterAndSortSources(sources ?? [], filter, sort), [sources, filter, sort]);

  const onDrop = (e: DragEvent) => {
    if (!accepts(e)) return;
    e.preventDefault();
    setDragDepth(0);
    if (hasFiles(e)) {
      importFiles(Array.from(e.dataTransfer.files));
      return;
    }
    const urls = urlsInTransfer(e.dataTransfer.getData('text/uri-list'), e.dataTransfer.getData('text/plain'));
    if (urls.length > 0) setUrlDialog({ prefill: urls.join('\n') });
  };

  const confirmDelete = async () => {
    if (!toDelete) return;
    const result = await deleteSource(toDelete.id);
    if (result) {
      notifySuccess('Source deleted', `Deleted “${toDelete.meta.title}” and ${result.deletedHighlights} highlight${result.deletedHighlights === 1 ? '' : 's'}.`);
      setToDelete(null);
    }
  };

  return (
    <div
      className={classes.root}
      data-testid="library"
      data-dragging={dragDepth > 0 || undefined}
      onDragEnter={(e) => {
        if (!accepts(e)) return;
        setDragLinks(hasLink(e));
        setDragDepth((d) => d + 1);
      }}
      onDragLeave={(e) => accepts(e) && setDragDepth((d) => Math.max(0, d - 1))}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={onDrop}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2}>Library</Title>
            <Text size="sm" c="dimmed">
              {sources ? `${sources.length} source${sources.length === 1 ? '' : 's'}` : ' '} · drop files or links anywhere here to import
            </Text>
          </div>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconClipboard size={16} />} onClick={() => setPasteOpen(true)} data-testid="paste-open">
              Paste text
            </Button>
            <Button variant="default" leftSection={<IconWorld size={16} />} onClick={() => setUrlDialog({ prefill: '' })} data-testid="import-url-open">
              Import from URL…
            </Button>
            <Button leftSection={<IconUpload size={16} />} onClick={() => fileInput.current?.click()} data-testid="import-open">
              Import files…
            </Button>
            <input
              ref={fileInput} type="file" multiple hidden accept={ACCEPTED_EXTENSIONS.join(',')} data-testid="import-input"
              onChange={(e) => {
                importFiles(Array.from(e.currentTarget.files ?? []));
                e.currentTarget.value = ''; // picking the same file again must fire change again
              }}
            />
          </Group>
        </Group>
        <TextInput
          placeholder="Filter by title" leftSection={<IconSearch size={16} />} maw={420}
          value={filter} onChange={(e) => setFilter(e.currentTarget.value)} data-testid="library-filter" aria-label="Filter by title"
        />
        {progress && <ImportProgress progress={progress} />}
        {error && !sources && <Alert color="red" title="The library could not be loaded">{error.message}</Alert>}
        {loading && !sources && <Loader size="sm" />}
        {sources && sources.length === 0 && (
          <div className={classes.empty}>
            <Text fw={500}>No sources yet</Text>
            <Text size="sm" c="dimmed">Paste text, use “Import files…” or “Import from URL…”, or drop .txt, .md, .html or .pdf files or web links here.</Text>
          </div>
        )}
        {sources && sources.length > 0 && (
          <>
            <SourcesTable
              sources={shown} sort={sort} onSort={(column) => setSort((s) => nextSort(s, column))}
              onOpen={(s) => navigate({ name: 'reader', sourceId: s.id, highlightId: null })}
              onDelete={setToDelete}
            />
            {shown.length === 0 && <Text size="sm" c="dimmed">No source title contains “{filter}”.</Text>}
          </>
        )}
      </Stack>
      {dragDepth > 0 && <DropOverlay label={dragLinks ? 'Drop the link to import it from the web' : 'Drop files to import them'} />}
      <PasteTextModal opened={pasteOpen} onClose={() => setPasteOpen(false)} />
      <ImportUrlModal opened={urlDialog !== null} prefill={urlDialog?.prefill ?? ''} onClose={() => setUrlDialog(null)} />
      <ConfirmDialog
        opened={toDelete !== null} title="Delete source?" confirmLabel="Delete source"
        onCancel={() => setToDelete(null)} onConfirm={confirmDelete}
      >
        {toDelete && (
          <>
            “{toDelete.meta.title}” will be removed from the library together with its{' '}
            <strong>{toDelete.highlightCount} highlight{toDelete.highlightCount === 1 ? '' : 's'}</strong>.
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
