/** The reader's Pages | Text switch for a PDF source: which view shows, the kept PDF's bytes, the place kept across a switch. */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Source } from '../../../../../shared/domain/types';
import type { PdfDocumentRecord } from '../../../../../shared/domain/pdf';
import { usePdfOriginal } from '../../../api/pdfHooks';
import { offsetOfPlace, placeOfOffset, type PagePlace } from '../../pdf/lib/place';
import type { ReaderViewMode } from '../../pdf/PdfViewToggle/PdfViewToggle';
import { scrollTextTo, topTextOffset } from './textPlace';

export interface PdfMode {
  /** 'text' for every source without pages. */
  mode: ReaderViewMode;
  record: PdfDocumentRecord | undefined;
  switchTo(mode: ReaderViewMode): void;
  bytes: Uint8Array | undefined;
  bytesError: string | null;
  initialPlace: PagePlace | null;
  placeRef: RefObject<PagePlace | null>;
}

export function usePdfMode(
  sourceId: string, source: Source | undefined, scrollRef: RefObject<HTMLElement | null>, textRef: RefObject<HTMLElement | null>,
  ensureRendered: (offset: number) => void, clearScrollRequest: () => void,
): PdfMode {
  const record = source?.pdf;
  // Pages by default for a source that has them; the choice lasts while this source is open.
  const [chosen, setChosen] = useState<ReaderViewMode | null>(null);
  const mode: ReaderViewMode = record ? chosen ?? 'pages' : 'text';
  // Loaded here, not in the page view, so switching views back and forth does not fetch the file again.
  const original = usePdfOriginal(record ? sourceId : null);
  const placeRef = useRef<PagePlace | null>(null);
  const [initialPlace, setInitialPlace] = useState<PagePlace | null>(null);
  const [textTarget, setTextTarget] = useState<number | null>(null);

  useEffect(() => {
    setChosen(null);
    setInitialPlace(null);
    placeRef.current = null;
  }, [sourceId]);

  const switchTo = useCallback((next: ReaderViewMode) => {
    if (!record || next === mode) return;
    if (next === 'text') {
      const place = placeRef.current;
      setTextTarget(place ? offsetOfPlace(record.pages, place) : null);
    } else {
      const offset = topTextOffset(scrollRef.current, textRef.current);
      setInitialPlace(offset === null ? null : placeOfOffset(record.pages, offset));
      // A reveal asked of the text view must not pull the pages away from the place just kept.
      clearScrollRequest();
    }
    setChosen(next);
  }, [record, mode, scrollRef, textRef, clearScrollRequest]);

  // Back in the text view: the paragraph the pages were at goes to the top.
  useEffect(() => {
    if (mode !== 'text' || textTarget === null) return;
    setTextTarget(null);
    if (textTarget > 0) {
      ensureRendered(textTarget);
      requestAnimationFrame(() => scrollTextTo(scrollRef.current, textRef.current, textTarget));
    }
  }, [mode, textTarget, ensureRendered, scrollRef, textRef]);

  return {
    mode, record, switchTo, bytes: original.data?.bytes, bytesError: original.error?.message ?? null, initialPlace, placeRef,
  };
}
