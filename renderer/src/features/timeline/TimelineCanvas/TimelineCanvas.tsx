/** The zoomable vis-timeline: items as ranges over their periods, open sides fading, selection and zoom controls,
 *  and keyboard focus along the items in time order (see useTimelineKeyboard) read out by a polite live region. */
import { VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useImperativeHandle, useRef, type Ref } from 'react';
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { TimelineItem } from '../../../../../shared/contract/views-timeline';
import { toVisItem, type VisItem } from '../timelineItems';
import { plural } from '../../common/lib/format';
import { useTimelineKeyboard } from './useTimelineKeyboard';
import classes from './TimelineCanvas.module.css';

export interface TimelineCanvasHandle {
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
}

export interface TimelineCanvasProps {
  items: TimelineItem[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Behind the list view: out of the tab order and of the accessibility tree. */
  hidden?: boolean;
  handleRef: Ref<TimelineCanvasHandle>;
}

type DrawnItem = Omit<VisItem, 'label' | 'title' | 'tooltip'> & { content: HTMLElement; title: string };

const DAY = 86_400_000;
/** About the width of a bar's label (date and a shortened title). */
const LABEL_PX = 440;
const OPTIONS: TimelineOptions = {
  height: '100%', stack: true, selectable: true, multiselect: false, showCurrentTime: false, orientation: { axis: 'top', item: 'top' },
  margin: { item: { horizontal: 4, vertical: 6 } }, zoomMin: 7 * DAY, zoomMax: 300 * 365 * DAY, tooltip: { followMouse: true, delay: 300 },
};

/** Built as elements with text, never as HTML: statements and names are the analyst's material, not markup. */
function contentOf(v: VisItem): HTMLElement {
  const box = document.createElement('span');
  const when = document.createElement('span');
  when.className = 'tl-when';
  when.textContent = v.label;
  const what = document.createElement('span');
  what.className = 'tl-what';
  what.textContent = v.title;
  box.append(when, what);
  return box;
}

export function TimelineCanvas({ items, selectedId, onSelect, hidden = false, handleRef }: TimelineCanvasProps) {
  const host = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const data = useRef(new DataSet<DrawnItem>());
  const fitted = useRef(false);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const instructionsId = useId();

  useImperativeHandle(handleRef, () => ({
    zoomIn: () => timeline.current?.zoomIn(0.5),
    zoomOut: () => timeline.current?.zoomOut(0.5),
    fit: () => fitWindow(),
  }), []);

  /** vis-timeline's fit ignores labels that run past short bars: leave room on the right for them. */
  const fitWindow = (animation = true) => {
    const all = data.current.get();
    if (!timeline.current || all.length === 0) return;
    const start = Math.min(...all.map((i) => Date.parse(i.start)));
    const end = Math.max(...all.map((i) => Date.parse(i.end)));
    const span = Math.max(end - start, 30 * DAY);
    // Room for a label of up to LABEL_PX after the last bar: that share of the width is added as time on the right.
    const width = host.current?.clientWidth || 800;
    const share = Math.min(LABEL_PX, width * 0.5) / width;
    const total = (span * 1.04) / (1 - share);
    timeline.current.setWindow(start - span * 0.04, start + total, { animation });
  };

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    // vis-timeline draws an element as content (its typings only say string): the cast is for the typings alone.
    const tl = new Timeline(el, data.current as unknown as DataSet<DataItem>, OPTIONS);
    timeline.current = tl;
    tl.on('select', (p: { items: string[] }) => {
      followRef.current(p.items[0] ?? null);
      onSelectRef.current(p.items[0] ?? null);
    });
    // The visible window, for tests and for whoever inspects the page: zooming changes it.
    tl.on('rangechanged', (p: { start: Date; end: Date }) => {
      el.dataset.windowStart = p.start.toISOString();
      el.dataset.windowEnd = p.end.toISOString();
    });
    return () => {
      tl.destroy();
      timeline.current = null;
    };
  }, []);

  useEffect(() => {
    const drawn: DrawnItem[] = items.map((item) => {
      const v = toVisItem(item);
      return { id: v.id, start: v.start, end: v.end, type: v.type, className: v.className, content: contentOf(v), title: v.tooltip };
    });
    data.current.clear();
    data.current.add(drawn);
    // Fit once, when there is something to fit; later filter changes keep the analyst's zoom.
    if (!fitted.current && drawn.length > 0) {
      fitWindow(false);
      fitted.current = true;
    }
  }, [items]);

  // After the effect above redraws the items, so the keyboard ring is put back on the redrawn bar.
  const keyboard = useTimelineKeyboard({ timeline, data, items, detailsOpen: selectedId !== null, onOpen: onSelect });
  const followRef = useRef(keyboard.follow);
  followRef.current = keyboard.follow;

  useEffect(() => {
    timeline.current?.setSelection(selectedId && data.current.get(selectedId) ? [selectedId] : []);
  }, [selectedId, items]);

  // vis-timeline makes its container position: relative, so it gets a box of its own inside the absolutely placed one.
  return (
    <div className={classes.canvas}>
      <div
        ref={host} className={classes.host} data-testid="timeline-canvas" tabIndex={hidden ? -1 : 0} aria-hidden={hidden || undefined}
        role="application" aria-roledescription="timeline" aria-label={`Timeline: ${plural(items.length, 'item')}`} aria-describedby={instructionsId}
        onKeyDown={keyboard.onKeyDown} onFocus={keyboard.onFocus} onPointerDown={keyboard.onPointerDown}
      />
      <VisuallyHidden id={instructionsId}>
        Left and right arrow keys move to the previous or next item in time; Home and End go to the first and the last. Enter or Space
        opens the focused item's details; Escape closes them, then clears the focus. The List view shows the same items as a table.
      </VisuallyHidden>
      <VisuallyHidden aria-live="polite" data-testid="timeline-announcer">{hidden ? '' : keyboard.announcement}</VisuallyHidden>
    </div>
  );
}
