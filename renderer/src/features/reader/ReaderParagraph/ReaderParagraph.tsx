/** One paragraph of the reader: plain spans and <mark> segments, each carrying its offset in the full text. */
import { memo } from 'react';
import type { Paragraph } from '../../common/lib/paragraphs';
import type { Segment } from '../segments';
import type { HighlightColor } from '../../common/lib/highlightColors';
import classes from './ReaderParagraph.module.css';

export interface ReaderParagraphProps {
  paragraph: Paragraph;
  text: string;
  segments: Segment[];
  colorOf: ReadonlyMap<string, HighlightColor>;
  /** Only set when the selected / flashing highlight touches this paragraph (keeps memo effective). */
  selectedId: string | null;
  flashId: string | null;
  onMarkClick: (ids: string[]) => void;
}

function ReaderParagraphImpl({ paragraph, text, segments, colorOf, selectedId, flashId, onMarkClick }: ReaderParagraphProps) {
  return (
    <p className={classes.paragraph} data-start={paragraph.start} data-end={paragraph.end} data-index={paragraph.index}>
      {segments.map((segment) => {
        const content = text.slice(segment.start, segment.end);
        const primary = segment.ids[0];
        if (primary === undefined) {
          return <span key={segment.start} data-offset={segment.start}>{content}</span>;
        }
        return (
          <mark
            key={segment.start}
            className={classes.mark}
            data-offset={segment.start}
            data-testid="highlight"
            data-highlight-id={primary}
            data-highlight-ids={segment.ids.join(' ')}
            data-color={colorOf.get(primary) ?? 'yellow'}
            data-depth={Math.min(segment.ids.length, 3)}
            data-selected={(selectedId !== null && segment.ids.includes(selectedId)) || undefined}
            data-flash={(flashId !== null && segment.ids.includes(flashId)) || undefined}
            onClick={() => {
              // The end of a drag-selection inside a mark is also a click: let the selection win.
              if (!window.getSelection()?.isCollapsed) return;
              onMarkClick(segment.ids);
            }}
          >
            {content}
          </mark>
        );
      })}
    </p>
  );
}

/** The colour of every mark drawn here is the same in both maps (a new highlight elsewhere makes a new map, not new colours here). */
function sameColours(segments: readonly Segment[], a: ReadonlyMap<string, HighlightColor>, b: ReadonlyMap<string, HighlightColor>): boolean {
  return a === b || segments.every((s) => s.ids[0] === undefined || a.get(s.ids[0]) === b.get(s.ids[0]));
}

/** Re-renders only when this paragraph's own segments, colours or selection change: a highlight edit repaints one paragraph. */
export const ReaderParagraph = memo(ReaderParagraphImpl, (prev, next) => (
  prev.paragraph === next.paragraph && prev.text === next.text && prev.segments === next.segments
  && prev.selectedId === next.selectedId && prev.flashId === next.flashId && prev.onMarkClick === next.onMarkClick
  && sameColours(next.segments, prev.colorOf, next.colorOf)
));
