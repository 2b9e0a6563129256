/** The reading column: all paragraphs, or a virtualised window of them when the document is long. */
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, type RefObject } from 'react';
import type { HighlightColor } from '../../common/lib/highlightColors';
import { paragraphIndexAt, type Paragraph } from '../../common/lib/paragraphs';
import type { Segment } from '../segments';
import { ReaderParagraph } from '../ReaderParagraph/ReaderParagraph';
import { PASSAGE_KEYS_HELP, usePassageKeys } from './usePassageKeys';
import classes from './ReaderText.module.css';

/** Above this many paragraphs only the visible ones (plus overscan) are in the DOM. */
const VIRTUALIZE_ABOVE = 200;

export interface ScrollRequest {
  highlightId: string;
  offset: number;
  /** Changes on every request, so asking for the same highlight twice scrolls twice. */
  nonce: number;
}

export interface ReaderTextProps {
  text: string;
  paragraphs: Paragraph[];
  segments: Segment[][];
  colorOf: ReadonlyMap<string, HighlightColor>;
  selectedId: string | null;
  flashId: string | null;
  onMarkClick: (ids: string[]) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  textRef: RefObject<HTMLDivElement | null>;
  scrollRequest: ScrollRequest | null;
  /** BCP 47 language of the source, for hyphenation and screen readers. */
  language: string;
}

const touches = (segments: Segment[] | undefined, id: string | null) =>
  id !== null && segments !== undefined && segments.some((s) => s.ids.includes(id)) ? id : null;

/** Scrolls the first mark of a highlight into view, waiting a few frames for virtualised rows to appear. */
function revealMark(root: HTMLElement | null, highlightId: string, framesLeft = 30): void {
  const mark = root?.querySelector(`mark[data-highlight-ids~="${CSS.escape(highlightId)}"]`);
  if (mark) mark.scrollIntoView({ block: 'center', behavior: 'auto' });
  else if (framesLeft > 0) requestAnimationFrame(() => revealMark(root, highlightId, framesLeft - 1));
}

function renderParagraph(props: ReaderTextProps, index: number) {
  const paragraph = props.paragraphs[index]!;
  const segments = props.segments[index] ?? [];
  return (
    <ReaderParagraph
      paragraph={paragraph} text={props.text} segments={segments} colorOf={props.colorOf}
      selectedId={touches(segments, props.selectedId)} flashId={touches(segments, props.flashId)}
      onMarkClick={props.onMarkClick}
    />
  );
}

function AllParagraphs(props: ReaderTextProps) {
  const { scrollRequest, textRef } = props;
  useEffect(() => {
    if (scrollRequest) revealMark(textRef.current, scrollRequest.highlightId);
  }, [scrollRequest, textRef]);
  return (
    <>
      {props.paragraphs.map((p, i) => (
        <div key={p.start} className={classes.row}>{renderParagraph(props, i)}</div>
      ))}
    </>
  );
}

type ParagraphVirtualizer = Virtualizer<HTMLDivElement, Element>;

function VirtualParagraphs({ virtualizer, ...props }: ReaderTextProps & { virtualizer: ParagraphVirtualizer }) {
  const { paragraphs, scrollRequest, textRef } = props;
  useEffect(() => {
    if (!scrollRequest) return;
    const index = paragraphIndexAt(paragraphs, scrollRequest.offset);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    revealMark(textRef.current, scrollRequest.highlightId);
    // Only a new request should scroll, not a re-render.
  }, [scrollRequest]);
  return (
    <div className={classes.virtualSpace} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <div
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          className={classes.row}
          style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
        >
          {renderParagraph(props, item.index)}
        </div>
      ))}
    </div>
  );
}

export function ReaderText(props: ReaderTextProps) {
  const { paragraphs, scrollRef } = props;
  const virtual = paragraphs.length > VIRTUALIZE_ABOVE;
  // Lives here, next to the scroll element: a child's layout effects run before a parent's refs are attached,
  // so a virtualizer in a child would first see no scroll element and show nothing.
  const virtualizer = useVirtualizer({
    enabled: virtual,
    count: virtual ? paragraphs.length : 0,
    getScrollElement: () => scrollRef.current,
    // ~80 characters a line at 1.75 line height; real heights are measured once rendered.
    estimateSize: (i) => {
      const p = paragraphs[i];
      return p ? Math.ceil((p.end - p.start) / 80) * 31 + 18 : 50;
    },
    overscan: 6,
    // Assume a window-high column until the scroll element is measured, so the first commit already holds
    // the first screen of paragraphs rather than only the overscan rows.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
    getItemKey: (i) => paragraphs[i]?.start ?? i,
  });
  const reveal = useCallback((offset: number) => {
    const index = paragraphIndexAt(paragraphs, offset);
    if (virtual && index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [paragraphs, virtual, virtualizer]);
  const onKeyDown = usePassageKeys(props.textRef, props.text, paragraphs, reveal);
  return (
    <div ref={props.scrollRef} className={classes.scroll}>
      <VisuallyHidden id="reader-keys-help">{PASSAGE_KEYS_HELP}</VisuallyHidden>
      {/* Focusable so a keyboard can select passages (see usePassageKeys) and scroll the column. */}
      <article
        ref={props.textRef}
        className={classes.text}
        data-testid="reader-text"
        data-virtual={virtual || undefined}
        lang={props.language || undefined}
        tabIndex={0}
        aria-label="Source text"
        aria-describedby="reader-keys-help"
        onKeyDown={onKeyDown}
      >
        {props.paragraphs.length === 0 && <p className={classes.empty}>This source has no text.</p>}
        {virtual ? <VirtualParagraphs {...props} virtualizer={virtualizer} /> : <AllParagraphs {...props} />}
      </article>
    </div>
  );
}
