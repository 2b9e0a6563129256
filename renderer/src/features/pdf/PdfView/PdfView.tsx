/** The page view of a PDF source: continuous virtualised pages, toolbar, sidebar; provides PdfViewContext to the page layers. */
import { Alert, Center, Loader } from '@mantine/core';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { PdfDocumentRecord } from '../../../../../shared/domain/pdf';
import { inWindow, pageIndexAt, pageStepTop, PAGE_GAP, scrollTopFor } from '../lib/pageLayout';
import { placeOfOffset, type PagePlace } from '../lib/place';
import type { SearchHit } from '../lib/docSearch';
import { PdfViewContext, type PdfViewController } from '../pdfViewContext';
import { PdfPage } from '../PdfPage/PdfPage';
import { PdfSidebar } from '../PdfSidebar/PdfSidebar';
import { PdfToolbar } from '../PdfToolbar/PdfToolbar';
import { usePdfDocument } from '../usePdfDocument';
import { usePdfSearch } from './usePdfSearch';
import { SearchHitMark } from './SearchHitMark';
import { usePageWindow } from './usePageWindow';
import { useViewport } from './useViewport';
import { useZoom } from './useZoom';
import classes from './PdfView.module.css';

export interface PdfViewProps {
  sourceId: string;
  record: PdfDocumentRecord;
  bytes: Uint8Array | undefined;
  bytesError: string | null;
  /** The source's stored text (what the text view shows), for search within the document. */
  text: string;
  /** Where to open (the place the text view was at), else page 1. */
  initialPlace: PagePlace | null;
  /** Kept up to date while scrolling, so switching to the text view opens at the same place. */
  placeRef: RefObject<PagePlace | null>;
}

export function PdfView({ sourceId, record, bytes, bytesError, text, initialPlace, placeRef }: PdfViewProps) {
  const { doc, error } = usePdfDocument(bytes);
  const scrollRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const vp = useViewport(scrollRef);
  const pages = record.pages;
  const { zoom, scale, layout, setSetting, zoomBy } = useZoom(pages, vp.width, scrollRef);
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const [areaMode, setAreaMode] = useState(false);
  const ready = vp.width > 0;

  // Where the top of the view is, for the text view: the page there and how far down it (a ref: no re-render).
  const onScroll = useCallback((top: number) => {
    if (layout.tops.length === 0) return;
    const y = top + PAGE_GAP;
    const i = pageIndexAt(layout, y);
    placeRef.current = { page: i + 1, yFraction: Math.min(1, Math.max(0, (y - layout.tops[i]!) / layout.heights[i]!)) };
  }, [layout, placeRef]);
  const { want, keep, currentPage } = usePageWindow(scrollRef, layout, vp.height, ready, onScroll);
  const searchRef = useRef<HTMLInputElement>(null);

  const latest = useRef({ layout, currentPage });
  latest.current = { layout, currentPage };
  const scrollToPage = useCallback((page: number, yFraction = 0) => {
    const el = scrollRef.current;
    if (el) el.scrollTop = scrollTopFor(latest.current.layout, page, yFraction);
  }, []);

  // Opening: straight to the place the text view was at, once the width (and so the zoom) is known.
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (!ready || opened.current) return;
    opened.current = true;
    if (initialPlace) scrollToPage(initialPlace.page, Math.max(0, initialPlace.yFraction - 0.05));
  }, [ready, initialPlace, scrollToPage]);

  const showHit = useCallback((hit: SearchHit) => {
    const place = placeOfOffset(pages, hit.start);
    scrollToPage(hit.page, Math.max(0, (place?.yFraction ?? 0) - 0.15));
  }, [pages, scrollToPage]);
  const search = usePdfSearch(text, pages, () => latest.current.currentPage, showHit);

  const controller = useMemo<PdfViewController>(() => ({
    scrollToPage, currentPage: () => latest.current.currentPage, areaMode, setAreaMode,
  }), [scrollToPage, areaMode]);

  const onKeyDown = (e: KeyboardEvent) => {
    const el = scrollRef.current;
    // PageDown/PageUp on the pages (not in the toolbar's fields): a whole page, its top at the top of the view.
    if ((e.key === 'PageDown' || e.key === 'PageUp') && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && el && el.contains(e.target as Node)) {
      e.preventDefault();
      el.scrollTop = pageStepTop(latest.current.layout, el.scrollTop, e.key === 'PageDown' ? 1 : -1);
      return;
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.key === '+' || e.key === '=') zoomBy(1);
    else if (e.key === '-' || e.key === '_') zoomBy(-1);
    else if (e.key === '0') setSetting({ mode: 'fit' });
    else if ((e.key === 'f' || e.key === 'F') && !e.shiftKey) {
      // Find in this document, not the browser's find (which sees only the drawn pages' text layers).
      searchRef.current?.focus();
      searchRef.current?.select();
    } else return;
    e.preventDefault();
  };

  const failure = bytesError ?? error;
  return (
    <PdfViewContext.Provider value={controller}>
      <div className={classes.root} onKeyDown={onKeyDown} data-area-mode={areaMode || undefined}>
        <PdfToolbar
          pageCount={pages.length} currentPage={currentPage} goToPage={scrollToPage} zoom={zoom} setZoom={setSetting} zoomBy={zoomBy}
          sidebarOpen={sidebarOpen} toggleSidebar={() => setSidebarOpen((o) => !o)} areaMode={areaMode} setAreaMode={setAreaMode} search={search} searchRef={searchRef}
        />
        <div className={classes.body}>
          {sidebarOpen && <PdfSidebar doc={doc} pages={pages} currentPage={currentPage} onGo={scrollToPage} />}
          <div ref={scrollRef} className={classes.scroll} tabIndex={0} aria-label="Pages" data-testid="pdf-view" data-current-page={currentPage} data-zoom={zoom.toFixed(3)}>
            {failure && <Center className={classes.overlay}><Alert color="red" title="The PDF could not be shown" maw={480} data-testid="pdf-error">{failure}</Alert></Center>}
            {!failure && !doc && <Center className={classes.overlay}><Loader size="sm" /></Center>}
            <div ref={columnRef} className={classes.column} style={{ height: layout.total, minWidth: layout.maxWidth + 2 * PAGE_GAP }}>
              {ready && pages.map((info, i) => (
                <PdfPage
                  key={i} doc={doc} sourceId={sourceId} page={i + 1} info={info} scale={scale} top={layout.tops[i]!}
                  widthPx={layout.widths[i]!} heightPx={layout.heights[i]!} want={inWindow(want, i)} keep={inWindow(keep, i)}
                />
              ))}
              <SearchHitMark columnRef={columnRef} text={text} pages={pages} hit={search.hits[search.index] ?? null} scale={scale} />
            </div>
          </div>
        </div>
      </div>
    </PdfViewContext.Provider>
  );
}
