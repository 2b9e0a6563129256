/** Keyboard focus on the timeline canvas: ← → through the items in time order (scrolled into view, spoken), Enter opens, Escape clears. */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { DataSet } from 'vis-data/peer';
import type { Timeline } from 'vis-timeline/peer';
import type { TimelineItem } from '../../../../../shared/contract/views-timeline';
import { itemAnnouncement, stepInOrder, timeOrder } from '../timelineNav';

/** The class that draws the keyboard focus ring on a bar (vis-timeline keeps an item's className on its element). */
export const KBD_FOCUS = 'tl-kbd-focus';
const NOTHING = 'No item focused';

type Drawn = { id: string; start: string; className: string };

export interface TimelineKeyboardOptions<T extends Drawn> {
  timeline: RefObject<Timeline | null>;
  data: RefObject<DataSet<T>>;
  items: TimelineItem[];
  /** Whether an item's details are open: Escape closes them before it clears the focus. */
  detailsOpen: boolean;
  /** Enter: what a click on the bar does. null closes the details. */
  onOpen: (id: string | null) => void;
}

const withClass = (className: string, on: boolean) =>
  [...className.split(' ').filter((c) => c && c !== KBD_FOCUS), ...(on ? [KBD_FOCUS] : [])].join(' ');

export function useTimelineKeyboard<T extends Drawn>({ timeline, data, items, detailsOpen, onOpen }: TimelineKeyboardOptions<T>) {
  const [focus, setFocusState] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const pointerDown = useRef(false);
  const order = useMemo(() => timeOrder(items), [items]);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);

  const describe = (id: string | null) => {
    const item = id ? byId.get(id) : undefined;
    return item ? itemAnnouncement(item, order.indexOf(item.id) + 1, order.length) : NOTHING;
  };

  /** Moves the ring to the item, and the window (same zoom) so its start and label are in view. */
  const mark = (id: string | null, scroll: boolean) => {
    const ds = data.current;
    for (const drawn of ds.get()) {
      const on = drawn.id === id;
      if (on !== drawn.className.split(' ').includes(KBD_FOCUS)) {
        // DataSet's generic DeepPartial<T> does not see that every T has these two fields.
        ds.update({ id: drawn.id, className: withClass(drawn.className, on) } as unknown as Parameters<typeof ds.update>[0]);
      }
    }
    const tl = timeline.current;
    const drawn = id ? ds.get(id) : null;
    if (!tl || !drawn || !scroll) return;
    const { start, end } = tl.getWindow();
    const [from, to] = [start.valueOf(), end.valueOf()];
    const width = to - from;
    const at = Date.parse(drawn.start);
    // The label runs right of the bar's start: the start must sit in the left 70 % of the window.
    if (at >= from && at <= from + width * 0.7) return;
    tl.setWindow(at - width * 0.15, at + width * 0.85, { animation: { duration: 200, easingFunction: 'easeInOutQuad' } });
  };

  const setFocus = (id: string | null, words?: string) => {
    setFocusState(id);
    mark(id, true);
    setAnnouncement(words ?? describe(id));
  };

  // Redrawn items (a filter, an edit) lose the ring; an item filtered away takes the focus with it.
  useEffect(() => {
    if (focus && !byId.has(focus)) setFocus(null);
    else mark(focus, false);
  }, [items]);

  const onFocus = () => {
    // A click focuses the canvas too: only a keyboard arrival picks an item by itself.
    if (pointerDown.current) return;
    if (focus) setFocus(focus);
    else setFocus(order[0] ?? null, order.length === 0 ? 'The timeline is empty' : undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    let handled = true;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const step = e.key === 'ArrowRight' ? 1 : -1;
      const next = stepInOrder(order, focus, step);
      if (next) setFocus(next);
      else setAnnouncement(order.length === 0 ? 'The timeline is empty' : step === 1 ? 'No later item' : 'No earlier item');
    } else if (e.key === 'Home' || e.key === 'End') {
      const id = e.key === 'Home' ? order[0] : order[order.length - 1];
      if (id) setFocus(id);
    } else if ((e.key === 'Enter' || e.key === ' ') && focus) {
      onOpen(focus);
      setAnnouncement(`Opened: ${describe(focus)}`);
    } else if (e.key === 'Escape') {
      if (detailsOpen) {
        onOpen(null);
        setAnnouncement(`Details closed. ${describe(focus)}`);
      } else setFocus(null);
    } else handled = false;
    if (handled) e.preventDefault();
  };

  const onPointerDown = () => {
    pointerDown.current = true;
    window.setTimeout(() => { pointerDown.current = false; }, 0);
  };

  /** A click on a bar moves the keyboard focus there too, so the arrows go on from what was clicked. */
  const follow = (id: string | null) => {
    if (!id || !byId.has(id)) return;
    setFocusState(id);
    mark(id, false);
  };

  return { focus, announcement, onFocus, onKeyDown, onPointerDown, follow };
}
