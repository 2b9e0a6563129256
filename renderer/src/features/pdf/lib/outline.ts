/** A PDF's outline (bookmarks) flattened for the sidebar, each entry's destination resolved to a page number. */

/** What pdf.js's getOutline() gives (the parts used here). */
export interface RawOutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items?: RawOutlineItem[];
}

/** The document calls needed to resolve destinations (a PDFDocumentProxy has them). */
export interface DestinationResolver {
  numPages: number;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

export interface OutlineEntry {
  title: string;
  /** 1-based page, or null when the destination is missing, external or broken. */
  page: number | null;
  depth: number;
}

/** A bound on entries: a hostile outline can be huge or (through shared objects) cyclic-looking. */
const MAX_ENTRIES = 2000;
const MAX_DEPTH = 12;

const isRef = (v: unknown): v is { num: number; gen: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { num?: unknown }).num) && Number.isInteger((v as { gen?: unknown }).gen);

/** The 1-based page an outline destination points at (named or explicit; a bare page index as some writers store). */
export async function destinationPage(doc: DestinationResolver, dest: RawOutlineItem['dest']): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const target = explicit[0];
    const index = isRef(target) ? await doc.getPageIndex(target) : Number.isInteger(target) ? (target as number) : -1;
    return index >= 0 && index < doc.numPages ? index + 1 : null;
  } catch {
    // A destination naming a missing object: the entry stays, without a page.
    return null;
  }
}

/** Depth-first, in reading order, with each entry's page. */
export async function resolveOutline(doc: DestinationResolver, items: readonly RawOutlineItem[] | null): Promise<OutlineEntry[]> {
  const out: OutlineEntry[] = [];
  const walk = async (list: readonly RawOutlineItem[], depth: number): Promise<void> => {
    for (const item of list) {
      if (out.length >= MAX_ENTRIES) return;
      out.push({ title: (item.title ?? '').trim() || 'Untitled', page: await destinationPage(doc, item.dest), depth });
      if (item.items && item.items.length > 0 && depth + 1 < MAX_DEPTH) await walk(item.items, depth + 1);
    }
  };
  await walk(items ?? [], 0);
  return out;
}
