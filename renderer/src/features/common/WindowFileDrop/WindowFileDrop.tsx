/** Files dropped anywhere on the window are imported: the app goes to the Library, where the new rows appear. */
import { useEffect, useRef, useState } from 'react';
import { navigate } from '../../../routes/useRoute';
import { DropOverlay } from '../DropOverlay/DropOverlay';
import { ImportProgress } from '../../library/ImportProgress/ImportProgress';
import { useFileImport } from '../../library/LibraryScreen/useFileImport';
import classes from './WindowFileDrop.module.css';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * `onLibrary`: the Library screen has its own drop zone (with its progress bar), so this one stands aside there.
 * Drags of the app's own items (dossier blocks) carry no files and are left alone.
 */
export function WindowFileDrop({ onLibrary }: { onLibrary: boolean }) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const { progress, importFiles } = useFileImport();

  useEffect(() => {
    if (onLibrary) return undefined;
    const reset = () => { depth.current = 0; setDragging(false); };
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current += 1;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault(); // allows the drop (and keeps the browser from opening the file in place of the app)
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      reset();
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      navigate({ name: 'library' });
      importFiles(files);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    document.addEventListener('dragend', reset);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
      document.removeEventListener('dragend', reset);
    };
  }, [onLibrary, importFiles]);

  return (
    <>
      {dragging && !onLibrary && (
        <DropOverlay window label="Drop files to import them into the Library" testId="window-drop-overlay" />
      )}
      {progress && (
        <div className={classes.progress} data-testid="window-drop-progress">
          <ImportProgress progress={progress} />
        </div>
      )}
    </>
  );
}
