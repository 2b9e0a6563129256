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

export const ReaderParagraph = memo(ReaderParagraphImpl);
