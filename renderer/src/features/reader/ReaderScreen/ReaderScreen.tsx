/** The reader: source header, highlighted text or a PDF's pages, selection toolbar and context menu, the highlight side panel and the analysis dialogs. */
import { Alert, Center, Loader } from '@mantine/core';
import { Suspense, lazy, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnchoredHighlight } from '../../../../../shared/contract/views';
import type { PdfPlacement } from '../../../../../shared/domain/pdf';
import { useReader, useTags } from '../../../api/hooks';
import { queries } from '../../../api/queries';
import { useLeaveWhenGone } from '../../../api/goneByHistory';
import { createHighlight } from '../../../api/mutations';
import { notifyError, notifySuccess } from '../../../api/notify';
import { copyText } from '../../common/lib/copyText';
import { citeQuote } from '../citeQuote';
import { ReaderContextMenu, type ReaderMenuCommand } from '../ReaderContextMenu/ReaderContextMenu';
import type { HighlightColor } from '../../common/lib/highlightColors';
import { splitParagraphs } from '../../common/lib/paragraphs';
import { updateSegments, type SegmentState } from '../segmentUpdate';
import type { TextRange } from '../../common/lib/selectionOffsets';
import type { ReaderRange } from '../../../routes/route';
import { replaceRoute } from '../../../routes/useRoute';
import { HighlightAnalysis } from '../HighlightAnalysis/HighlightAnalysis';
import { HighlightPanel } from '../HighlightPanel/HighlightPanel';
import { useReaderAnalysis } from '../ReaderAnalysis/ReaderAnalysis';
import { ReaderHeader } from '../ReaderHeader/ReaderHeader';
import { ReaderText, type ScrollRequest } from '../ReaderText/ReaderText';
import { SelectionToolbar, type AfterCreate } from '../SelectionToolbar/SelectionToolbar';
import { SourceDetailsModal } from '../../library/SourceDetailsModal/SourceDetailsModal';
import { PdfHighlightContext, type PdfHighlightBridge } from '../../pdf/highlights/pdfHighlightBridge';
import { pageMenuRange, type PageMenuRange } from '../../pdf/highlights/pageMenuRange';
import { PdfViewToggle } from '../../pdf/PdfViewToggle/PdfViewToggle';
import { useHighlightShortcut } from './useHighlightShortcut';
import { usePdfMode } from './usePdfMode';
import classes from './ReaderScreen.module.css';

/** The page view (its toolbar, sidebar and highlight layer) loads only for sources with pages: not on a text reader's first load. */
const PdfView = lazy(() => import('../../pdf/PdfView/PdfView').then((m) => ({ default: m.PdfView })));

const FLASH_MS = 2200;

/** Runs `fn` after the next frame is painted: a task queued from a frame callback runs once that frame is out. */
function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => window.setTimeout(fn, 0));
}

export function ReaderScreen({ sourceId, highlightId, range }: { sourceId: string; highlightId: string | null; range?: ReaderRange }) {
  const { data: view, error } = useReader(sourceId);
  // Its import undone while it is open: back to the library, quietly; the undo toast offers Redo.
  const gone = useLeaveWhenGone(queries.reader(sourceId).key, error, () => replaceRoute({ name: 'library' }));
  const { data: tags } = useTags();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusField, setFocusField] = useState<'tags' | 'note' | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const previousSegments = useRef<SegmentState | null>(null);

  const text = view?.text ?? '';
  const highlights = useMemo(() => view?.highlights ?? [], [view]);
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const placedRanges = useMemo(
    () => highlights.flatMap((h) => (h.range && h.status !== 'orphan' ? [{ id: h.highlight.id, ...h.range }] : [])),
    [highlights],
  );
  // Only the paragraphs under a changed highlight are cut again; the others keep their arrays (and skip rendering).
  const segments = useMemo(() => {
    const next = updateSegments(previousSegments.current, paragraphs, placedRanges);
    previousSegments.current = next;
    return next.segments;
  }, [paragraphs, placedRanges]);
  const colorOf = useMemo(() => new Map(highlights.map((h) => [h.highlight.id, h.highlight.color] as const)), [highlights]);

  // Read by the callbacks below at call time, so they keep their identity across edits and the memoised side panel
  // is not re-rendered just because a highlight elsewhere changed.
  const latestHighlights = useRef(highlights);
  useLayoutEffect(() => {
    latestHighlights.current = highlights;
  }, [highlights]);

  /** Selects a highlight and, when it is drawn, scrolls to it (optionally flashing it). */
  const reveal = useCallback((id: string | null, flash: boolean) => {
    setSelectedId(id);
    const anchored = id ? latestHighlights.current.find((h) => h.highlight.id === id) : undefined;
    if (!id || !anchored?.range || anchored.status === 'orphan') return;
    setScrollRequest({ highlightId: id, offset: anchored.range.start, nonce: Date.now() });
    if (flash) setFlashId(id);
  }, []);
  const onPanelSelect = useCallback((id: string | null) => reveal(id, false), [reveal]);

  // Arriving with #/reader/<id>?h=<highlight>: select, scroll to and flash it once the text is here.
  const handledRouteHighlight = useRef<string | null>(null);
  useEffect(() => {
    if (!view || !highlightId || handledRouteHighlight.current === highlightId) return;
    handledRouteHighlight.current = highlightId;
    reveal(highlightId, true);
  }, [view, highlightId, reveal]);

  useEffect(() => {
    if (!flashId) return;
    const timer = window.setTimeout(() => setFlashId(null), FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [flashId]);

  // Asks the (possibly virtualised) text to render the paragraph at an offset; no mark to find there.
  const ensureRendered = useCallback((offset: number) => setScrollRequest({ highlightId: '', offset, nonce: Date.now() }), []);
  const { openClaim, openRelate, revealRange, headerAction, overlays } = useReaderAnalysis(view?.source, textRef, ensureRendered);

  // Arriving with #/reader/<id>?s=<start>&e=<end> (a text mention): scroll to and flash that range once.
  const handledRouteRange = useRef<string | null>(null);
  useEffect(() => {
    const key = range ? `${range.start}-${range.end}` : null;
    if (!view || !range || handledRouteRange.current === key) return;
    handledRouteRange.current = key;
    revealRange(range);
  }, [view, range, revealRange]);

  const clearScrollRequest = useCallback(() => setScrollRequest(null), []);
  const pdfMode = usePdfMode(sourceId, view?.source, scrollRef, textRef, ensureRendered, clearScrollRequest);
  const pages = pdfMode.mode === 'pages' ? pdfMode.record : undefined;

  /** `pdf`: made on a page (its page and rectangles are kept with it). */
  const create = useCallback(async (range: TextRange, color: HighlightColor, then: AfterCreate, pdf: PdfPlacement | null = null) => {
    const created = await createHighlight({ sourceId, start: range.start, end: range.end, color, ...(pdf ? { pdf } : {}) });
    if (!created) return;
    if (then === 'claim' || then === 'relate') (then === 'claim' ? openClaim : openRelate)(created);
    // The new highlight opens in the side panel, so its tags and note are one Tab away (also after H). Its editor
    // (tag and entity pickers) takes 20-100 ms to mount and commit: after H or a colour it waits until the new mark
    // is painted (profiled: mounting it before that frame was most of the slowest edits); "Tag…" / "Note…" mount it
    // at once, since the analyst is about to type there.
    if (then === 'tags' || then === 'note') {
      setSelectedId(created.id);
      setFocusField(then);
    } else {
      afterNextPaint(() => startTransition(() => setSelectedId(created.id)));
    }
  }, [sourceId, openClaim, openRelate]);

  useHighlightShortcut(textRef, (range) => void create(range, 'yellow', null));

  /**
   * The selection's context menu: highlight (then the tag picker), or copy the quote with its citation (naming its
   * page in a PDF). On the pages the range comes with its place on the page, read when the menu opened.
   */
  const onMenuCommand = useCallback((command: ReaderMenuCommand, range: TextRange & { pdf?: PdfPlacement | null }) => {
    if (command === 'copyWithCitation') {
      if (!view) return;
      void copyText(citeQuote(view.source, view.text, range)).then((copied) => (copied
        ? notifySuccess('Copied with citation', `The quote and “${view.source.meta.title || view.source.fileName}” are on the clipboard.`)
        : notifyError('Could not copy', 'The clipboard refused the text.')));
      return;
    }
    window.getSelection()?.removeAllRanges();
    void create(range, 'yellow', command === 'highlightAndTag' ? 'tags' : null, range.pdf ?? null);
  }, [view, create]);
  const pageRangeOf = useCallback((_root: HTMLElement, selection: Selection | null): PageMenuRange | null => pageMenuRange(sourceId, selection), [sourceId]);

  /** A click on overlapping highlights cycles through them, innermost first. */
  const onMarkClick = useCallback((ids: string[]) => {
    setSelectedId((current) => {
      const at = current ? ids.indexOf(current) : -1;
      return ids[(at + 1) % ids.length] ?? null;
    });
  }, []);
  const onFocusHandled = useCallback(() => setFocusField(null), []);
  const onToolbarCreate = useCallback((range: TextRange, color: HighlightColor, then: AfterCreate) => void create(range, color, then), [create]);
  const onEditDetails = useCallback(() => setDetailsOpen(true), []);
  const closeDetails = useCallback(() => setDetailsOpen(false), []);
  const source = view?.source;
  // The same element while the source and its open state stay: React skips it when a highlight edit re-renders the reader.
  const detailsModal = useMemo(
    () => source && <SourceDetailsModal source={source} opened={detailsOpen} onClose={closeDetails} />,
    [source, detailsOpen, closeDetails],
  );
  // What the page layers need from the reader (see pdfHighlightBridge): the same selection, creation and reveals.
  const pdfBridge = useMemo<PdfHighlightBridge>(() => ({
    selectedId, onHighlightClick: onMarkClick, select: setSelectedId, revealRequest: scrollRequest,
    create: (range, color, then, pdf) => void create(range, color, then, pdf),
  }), [selectedId, onMarkClick, scrollRequest, create]);
  const viewToggle = useMemo(
    () => pdfMode.record && <PdfViewToggle mode={pdfMode.mode} onChange={pdfMode.switchTo} />,
    [pdfMode.record, pdfMode.mode, pdfMode.switchTo],
  );
  const selectedExtras = useCallback((selected: AnchoredHighlight) => (
    <HighlightAnalysis highlight={selected.highlight} onClaim={openClaim} onRelate={openRelate} />
  ), [openClaim, openRelate]);

  if (gone) return null;
  if (error && !view) {
    return (
      <Center h="60vh">
        <Alert color="red" title="This source could not be opened" maw={520} data-testid="reader-error">{error.message}</Alert>
      </Center>
    );
  }
  if (!view) return <Center h="60vh"><Loader /></Center>;

  return (
    <div className={classes.root} data-testid="reader" data-source-id={sourceId}>
      <ReaderHeader source={view.source} onEditDetails={onEditDetails} actions={headerAction} viewToggle={viewToggle} />
      <div className={classes.body} ref={bodyRef}>
        {pages ? (
          <PdfHighlightContext.Provider value={pdfBridge}>
            <Suspense fallback={<Center h="60vh" style={{ flex: 1 }}><Loader /></Center>}>
              <PdfView
                sourceId={sourceId} record={pages} bytes={pdfMode.bytes} bytesError={pdfMode.bytesError} text={text}
                initialPlace={pdfMode.initialPlace} placeRef={pdfMode.placeRef}
              />
            </Suspense>
          </PdfHighlightContext.Provider>
        ) : (
          <ReaderText
            text={text} paragraphs={paragraphs} segments={segments} colorOf={colorOf}
            selectedId={selectedId} flashId={flashId} onMarkClick={onMarkClick}
            scrollRef={scrollRef} textRef={textRef} scrollRequest={scrollRequest} language={view.source.meta.language}
          />
        )}
        <HighlightPanel
          highlights={highlights} tags={tags ?? []} selectedId={selectedId}
          focusField={focusField} onFocusHandled={onFocusHandled} onSelect={onPanelSelect} selectedExtras={selectedExtras}
        />
      </div>
      {!pages && <SelectionToolbar textRef={textRef} scrollRef={scrollRef} onCreate={onToolbarCreate} />}
      {pages
        ? <ReaderContextMenu key="pages" textRef={bodyRef} onCommand={onMenuCommand} rangeOf={pageRangeOf} />
        : <ReaderContextMenu key="text" textRef={textRef} onCommand={onMenuCommand} />}
      {detailsModal}
      {overlays}
    </div>
  );
}
