/**
 * sources.open on the wire: each anchored highlight as one tuple, its tags and entities as indexes into shared
 * tables, and its quote (exact, prefix, suffix) left out wherever the text rebuilds it from the highlight's
 * position — which is every highlight still where it was made; only moved and orphaned ones (and ones whose quote
 * was described differently, e.g. imported) carry theirs. For the bench's 1 MB source with 2,000 highlights the
 * reply drops from 2.26 MB to about 1 MB, most of it the text itself. `expandReader` gives the renderer back the
 * plain ReaderView every reader component and the cache patching (highlightPatch.ts) work with.
 */
import type { Highlight, HighlightColor, Source, TextQuoteSelector } from '../domain/types';
import { describeRange } from '../anchoring/describe';
import type { AnchorStatus, AnchoredHighlight, ReaderView } from './views';
import { WireTable } from './wire-table';

/** Each part of a quote, or null where the text gives it back (see quoteFromText). */
export type QuoteWire = [exact: string | null, prefix: string | null, suffix: string | null];

/** A timestamp as epoch milliseconds when the ISO string round-trips through Date, else the string itself. */
export type TimeWire = number | string;

/**
 * [id, color, position start, position end, status, range (0: same as the position, null: none, else [start, end]),
 * tag indexes, entity indexes, note, createdAt, updatedAt (null: same as createdAt), quote (0: all from the text),
 * page placement and area (0: neither; only PDF sources have them)]
 */
export type HighlightTuple = [
  string, HighlightColor, number, number, AnchorStatus, 0 | null | [number, number],
  number[], number[], string, TimeWire, TimeWire | null, 0 | QuoteWire, 0 | PageWire,
];

/** A highlight's page placement and area, only where it has them. */
export type PageWire = Pick<Highlight, 'pdf' | 'area'>;

const pageWire = (h: Highlight): 0 | PageWire =>
  h.pdf === undefined && h.area === undefined ? 0 : { ...(h.pdf ? { pdf: h.pdf } : {}), ...(h.area ? { area: h.area } : {}) };

export interface ReaderWire {
  source: Source;
  text: string;
  tagIds: string[];
  entityIds: string[];
  highlights: HighlightTuple[];
}

/** The quote describeRange gives for a position on this text: what a highlight made there stores. */
function quoteFromText(text: string, start: number, end: number): TextQuoteSelector | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end < start) return null;
  return describeRange(text, start, end).quote;
}

const timeOut = (s: string): TimeWire => {
  const ms = Date.parse(s);
  return Number.isFinite(ms) && new Date(ms).toISOString() === s ? ms : s;
};
const timeIn = (t: TimeWire): string => (typeof t === 'number' ? new Date(t).toISOString() : t);

export function compactReader(view: ReaderView): ReaderWire {
  const { source, text } = view;
  const tags = new WireTable();
  const entities = new WireTable();
  const highlights = view.highlights.map(({ highlight: h, status, range }): HighlightTuple => {
    if (h.sourceId !== source.id) throw new Error(`reader view: highlight ${h.id} belongs to source ${h.sourceId}, not ${source.id}`);
    const { start, end } = h.position;
    const rebuilt = quoteFromText(text, start, end);
    const q: QuoteWire = [
      rebuilt?.exact === h.quote.exact ? null : h.quote.exact,
      rebuilt?.prefix === h.quote.prefix ? null : h.quote.prefix,
      rebuilt?.suffix === h.quote.suffix ? null : h.quote.suffix,
    ];
    const r = range === null ? null : range.start === start && range.end === end ? 0 : [range.start, range.end] as [number, number];
    return [
      h.id, h.color, start, end, status, r, h.tagIds.map((id) => tags.of(id)), h.entityIds.map((id) => entities.of(id)), h.note,
      timeOut(h.createdAt), h.updatedAt === h.createdAt ? null : timeOut(h.updatedAt), q.every((p) => p === null) ? 0 : q,
      pageWire(h),
    ];
  });
  return { source, text, tagIds: tags.values, entityIds: entities.values, highlights };
}

function at(table: readonly string[], i: number, what: string, id: string): string {
  const v = table[i];
  if (v === undefined) throw new Error(`sources.open reply: highlight ${id} refers to ${what} #${i}, but there are only ${table.length}`);
  return v;
}

/** The plain view; a tuple pointing outside a table, or a quote the text cannot give, is a malformed reply and says which highlight. */
export function expandReader(w: ReaderWire): ReaderView {
  const { source, text } = w;
  const highlights = w.highlights.map(([id, color, start, end, status, r, tagIx, entityIx, note, created, updated, q, pages]): AnchoredHighlight => {
    const parts = q === 0 ? [null, null, null] : q;
    const rebuilt = parts.some((p) => p === null) ? quoteFromText(text, start, end) : null;
    const part = (p: string | null, key: 'exact' | 'prefix' | 'suffix'): string => {
      if (p !== null) return p;
      if (!rebuilt) throw new Error(`sources.open reply: highlight ${id} leaves out its quote, but ${start}–${end} is not a range of the text`);
      return rebuilt[key];
    };
    const createdAt = timeIn(created);
    const highlight: Highlight = {
      id, sourceId: source.id, color,
      quote: { type: 'TextQuoteSelector', exact: part(parts[0], 'exact'), prefix: part(parts[1], 'prefix'), suffix: part(parts[2], 'suffix') },
      position: { type: 'TextPositionSelector', start, end },
      tagIds: tagIx.map((i) => at(w.tagIds, i, 'tag', id)),
      note,
      entityIds: entityIx.map((i) => at(w.entityIds, i, 'entity', id)),
      ...(pages === 0 || pages === undefined ? {} : pages),
      createdAt,
      updatedAt: updated === null ? createdAt : timeIn(updated),
    };
    return { highlight, status, range: r === null ? null : r === 0 ? { start, end } : { start: r[0], end: r[1] } };
  });
  return { source, text, highlights };
}
