/** Heights of the blank space above and below a virtualised window, for lists that stay in normal flow (tables, stacks). */

/** The part of a virtual item this needs: where it starts and ends, in the scroll element's coordinates. */
export interface WindowItem {
  start: number;
  end: number;
}

export interface Spacers {
  before: number;
  after: number;
}

/**
 * `before` fills from the list's top to the first rendered item, `after` from the last rendered item to the
 * list's total size. Item positions include `scrollMargin` (the list's offset inside the scroll element);
 * the total size does not. Negative values (an item measured before the total caught up) are clamped to 0.
 */
export function virtualSpacers(items: readonly WindowItem[], totalSize: number, scrollMargin: number): Spacers {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return { before: 0, after: Math.max(0, totalSize) };
  return {
    before: Math.max(0, first.start - scrollMargin),
    after: Math.max(0, totalSize - (last.end - scrollMargin)),
  };
}

/** The nearest ancestor that scrolls vertically (overflow-y auto or scroll), or null when the page itself scrolls. */
export function scrollParentOf(element: Element | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    const overflowY = getComputedStyle(node).overflowY;
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/** Distance from the top of `scroller`'s content to the top of `element` (the virtualizer's scrollMargin). */
export function offsetWithin(element: Element, scroller: HTMLElement): number {
  return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

/** Distance from the top of the document to the top of `element`, for lists that scroll with the window. */
export function offsetInDocument(element: Element): number {
  return element.getBoundingClientRect().top + window.scrollY;
}
