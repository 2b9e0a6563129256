/** The reader: source header, highlighted text, selection toolbar and context menu, the highlight side panel and the analysis dialogs. */
import { Alert, Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { reuseUnchanged, segmentParagraphs, type Segment } from '../segments';
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
import { useHighlightShortcut } from './useHighlightShortcut';
import classes from './ReaderScreen.module.css';

const FLASH_MS = 2200;

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
  const previousSegments = useRef<Segment[][] | null>(null);

  const text = view?.text ?? '';
  const highlights = useMemo(() => view?.highlights ?? [], [view]);
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const placedRanges = useMemo(
    () => highlights.flatMap((h) => (h.range && h.status !== 'orphan' ? [{ id: h.highlight.id, ...h.range }] : [])),
    [highlights],
  );
  const segments = useMemo(() => {
    const next = reuseUnchanged(previousSegments.current, segmentParagraphs(paragraphs, placedRanges));
    previousSegments.current = next;
    return next;
  }, [paragraphs, placedRanges]);
  const colorOf = useMemo(() => new Map(highlights.map((h) => [h.highlight.id, h.highlight.color] as const)), [highlights]);

  /** Selects a highlight and, when it is drawn, scrolls to it (optionally flashing it). */
  const reveal = useCallback((id: string | null, flash: boolean) => {
    setSelectedId(id);
    const anchored = id ? highlights.find((h) => h.highlight.id === id) : undefined;
    if (!id || !anchored?.range || anchored.status === 'orphan') return;
    setScrollRequest({ highlightId: id, offset: anchored.range.start, nonce: Date.now() });
    if (flash) setFlashId(id);
  }, [highlights]);

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

  const create = useCallback(async (range: TextRange, color: HighlightColor, then: AfterCreate) => {
    const created = await createHighlight({ sourceId, start: range.start, end: range.end, color });
    if (!created) return;
    // The new highlight opens in the side panel, so its tags and note are one Tab away (also after H).
    setSelectedId(created.id);
    if (then === 'claim' || then === 'relate') (then === 'claim' ? openClaim : openRelate)(created);
    else if (then) setFocusField(then);
  }, [sourceId, openClaim, openRelate]);

  useHighlightShortcut(textRef, (range) => void create(range, 'yellow', null));

  /** The selection's context menu: highlight (then the tag picker), or copy the quote with its citation. */
  const onMenuCommand = useCallback((command: ReaderMenuCommand, range: TextRange) => {
    if (command === 'copyWithCitation') {
      if (!view) return;
      void copyText(citeQuote(view.source, view.text, range)).then((copied) => (copied
        ? notifySuccess('Copied with citation', `The quote and “${view.source.meta.title || view.source.fileName}” are on the clipboard.`)
        : notifyError('Could not copy', 'The clipboard refused the text.')));
      return;
    }
    window.getSelection()?.removeAllRanges();
    void create(range, 'yellow', command === 'highlightAndTag' ? 'tags' : null);
  }, [view, create]);

  /** A click on overlapping highlights cycles through them, innermost first. */
  const onMarkClick = useCallback((ids: string[]) => {
    setSelectedId((current) => {
      const at = current ? ids.indexOf(current) : -1;
      return ids[(at + 1) % ids.length] ?? null;
    });
  }, []);
  const onFocusHandled = useCallback(() => setFocusField(null), []);

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
      <ReaderHeader source={view.source} onEditDetails={() => setDetailsOpen(true)} actions={headerAction} />
      <div className={classes.body}>
        <ReaderText
          text={text} paragraphs={paragraphs} segments={segments} colorOf={colorOf}
          selectedId={selectedId} flashId={flashId} onMarkClick={onMarkClick}
          scrollRef={scrollRef} textRef={textRef} scrollRequest={scrollRequest} language={view.source.meta.language}
        />
        <HighlightPanel
          highlights={highlights} tags={tags ?? []} selectedId={selectedId}
          focusField={focusField} onFocusHandled={onFocusHandled} onSelect={(id) => reveal(id, false)}
          selectedExtras={(selected) => (
            <HighlightAnalysis highlight={selected.highlight} onClaim={() => openClaim(selected.highlight)} onRelate={() => openRelate(selected.highlight)} />
          )}
        />
      </div>
      <SelectionToolbar textRef={textRef} scrollRef={scrollRef} onCreate={(range, color, then) => void create(range, color, then)} />
      <ReaderContextMenu textRef={textRef} onCommand={onMenuCommand} />
      <SourceDetailsModal source={view.source} opened={detailsOpen} onClose={() => setDetailsOpen(false)} />
      {overlays}
    </div>
  );
}
