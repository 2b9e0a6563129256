/** The URL dialog's run: one list at a time, results kept until the dialog is closed, a stop that ends after the current URL. */
import { useCallback, useRef, useState } from 'react';
import { captureUrl } from '../../../api/captureMutations';
import { runUrlQueue, type UrlItem } from './urlImportQueue';

export function useUrlImport() {
  const [items, setItems] = useState<UrlItem[]>([]);
  const [running, setRunning] = useState(false);
  const [stopping, setStopping] = useState(false);
  const batch = useRef(0);
  const stopRequested = useRef(false);
  const shown = useRef<UrlItem[]>([]);
  // A list started while a closed dialog's last URL is still being fetched waits for it: never two captures at once.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const show = (list: UrlItem[]) => {
    shown.current = list;
    setItems(list);
  };

  const start = useCallback((urls: string[]) => {
    const id = ++batch.current;
    stopRequested.current = false;
    setRunning(true);
    setStopping(false);
    const earlier = shown.current; // the results of earlier lists stay above the new one
    const current = () => batch.current === id;
    queue.current = queue.current.then(() => runUrlQueue(urls, {
      capture: captureUrl,
      cancelled: () => stopRequested.current || !current(),
      onChange: (list) => current() && show([...earlier, ...list]),
    })).finally(() => {
      if (!current()) return;
      setRunning(false);
      setStopping(false);
    });
  }, []);

  const stop = useCallback(() => {
    stopRequested.current = true;
    setStopping(true);
  }, []);

  /** Closing the dialog: the URL being fetched finishes (nothing is half-imported), the rest are not started. */
  const reset = useCallback(() => {
    batch.current++;
    show([]);
    setRunning(false);
    setStopping(false);
  }, []);

  return { items, running, stopping, start, stop, reset };
}
