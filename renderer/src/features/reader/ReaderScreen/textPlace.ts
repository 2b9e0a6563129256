/** The place in the text view's DOM: the offset at the top of the column, and scrolling the column to an offset. */

const paragraphsIn = (root: HTMLElement) => root.querySelectorAll<HTMLElement>('p[data-start][data-end]');

/** The source offset at the top edge of the text view (the first paragraph reaching below it, and how far into it). */
export function topTextOffset(scroll: HTMLElement | null, text: HTMLElement | null): number | null {
  if (!scroll || !text) return null;
  const top = scroll.getBoundingClientRect().top;
  for (const p of paragraphsIn(text)) {
    const r = p.getBoundingClientRect();
    if (r.bottom <= top + 1) continue;
    const start = Number(p.dataset.start);
    const end = Number(p.dataset.end);
    const into = r.top >= top || r.height === 0 ? 0 : (top - r.top) / r.height;
    return start + Math.floor((end - start) * into);
  }
  return null;
}

/**
 * Scrolls the text view so the paragraph holding `offset` starts at the top (at the same share of a long paragraph).
 * A virtualised text renders that paragraph a few frames after being asked to, so this looks again for a while.
 */
export function scrollTextTo(scroll: HTMLElement | null, text: HTMLElement | null, offset: number, framesLeft = 30): void {
  if (!scroll || !text) return;
  let target: HTMLElement | null = null;
  for (const p of paragraphsIn(text)) {
    if (Number(p.dataset.end) > offset) {
      target = Number(p.dataset.start) <= offset + 1 || target === null ? p : target;
      break;
    }
  }
  if (!target) {
    if (framesLeft > 0) requestAnimationFrame(() => scrollTextTo(scroll, text, offset, framesLeft - 1));
    return;
  }
  const start = Number(target.dataset.start);
  const end = Number(target.dataset.end);
  const r = target.getBoundingClientRect();
  const into = end > start ? Math.max(0, Math.min(1, (offset - start) / (end - start))) : 0;
  scroll.scrollTop += r.top + r.height * into - scroll.getBoundingClientRect().top - 8;
}
