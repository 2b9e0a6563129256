/**
 * Co-occurrence of codes (tags and entities) within a unit — the same highlight, paragraph or source — as ATLAS.ti's
 * code co-occurrence table counts it: each unit where both codes occur counts once, with its passages kept so every
 * count opens the highlights behind it.
 */

export const COOCCURRENCE_UNITS = ['highlight', 'paragraph', 'source'] as const;
export type CooccurrenceUnit = (typeof COOCCURRENCE_UNITS)[number];

/** A code is a tag or an entity; the prefix keeps a tag and an entity with one id apart. */
export type CodeKey = `tag:${string}` | `entity:${string}`;

export interface CodedHighlight {
  id: string;
  sourceId: string;
  /** 1-based paragraph of the highlight's start in its source (only needed for the paragraph unit). */
  paragraph: number;
  tagIds: readonly string[];
  entityIds: readonly string[];
}

export interface CooccurrenceCell {
  /** Units in which both codes occur. */
  count: number;
  /** ATLAS.ti's c-coefficient: n12 / (n1 + n2 − n12), 0–1; how exclusively the two go together. */
  c: number;
  /** The highlights carrying either code inside those units, in input order. */
  highlightIds: string[];
}

export interface CooccurrenceTable {
  rows: CodeKey[];
  columns: CodeKey[];
  /** Units holding each code (n1, n2 of the coefficient). */
  frequency: Map<CodeKey, number>;
  /** cells.get(row)?.get(column); absent when the two never co-occur. */
  cells: Map<CodeKey, Map<CodeKey, CooccurrenceCell>>;
}

const unitKey = (h: CodedHighlight, unit: CooccurrenceUnit): string =>
  unit === 'highlight' ? h.id : unit === 'paragraph' ? `${h.sourceId}\u0000${h.paragraph}` : h.sourceId;

const codesOf = (h: CodedHighlight): CodeKey[] => [
  ...h.tagIds.map((t): CodeKey => `tag:${t}`), ...h.entityIds.map((e): CodeKey => `entity:${e}`),
];

/**
 * The table of `rows` × `columns` (e.g. tags × tags, entities × entities, tags × entities). A code never co-occurs
 * with itself: the diagonal of a square table stays empty rather than repeating frequencies.
 */
export function cooccurrence(
  highlights: readonly CodedHighlight[], unit: CooccurrenceUnit, rows: readonly CodeKey[], columns: readonly CodeKey[],
): CooccurrenceTable {
  const units = new Map<string, { codes: Set<CodeKey>; highlights: CodedHighlight[] }>();
  for (const h of highlights) {
    const key = unitKey(h, unit);
    let u = units.get(key);
    if (!u) units.set(key, (u = { codes: new Set(), highlights: [] }));
    for (const c of codesOf(h)) u.codes.add(c);
    u.highlights.push(h);
  }
  const wanted = new Set<CodeKey>([...rows, ...columns]);
  const frequency = new Map<CodeKey, number>();
  for (const u of units.values()) for (const c of u.codes) if (wanted.has(c)) frequency.set(c, (frequency.get(c) ?? 0) + 1);

  const columnSet = new Set(columns);
  const cells = new Map<CodeKey, Map<CodeKey, CooccurrenceCell>>();
  const rowSet = new Set(rows);
  for (const u of units.values()) {
    const present = [...u.codes];
    for (const r of present) {
      if (!rowSet.has(r)) continue;
      for (const col of present) {
        if (col === r || !columnSet.has(col)) continue;
        let line = cells.get(r);
        if (!line) cells.set(r, (line = new Map()));
        let cell = line.get(col);
        if (!cell) line.set(col, (cell = { count: 0, c: 0, highlightIds: [] }));
        cell.count++;
        for (const h of u.highlights) {
          const hc = codesOf(h);
          if (hc.includes(r) || hc.includes(col)) cell.highlightIds.push(h.id);
        }
      }
    }
  }
  for (const [r, line] of cells) {
    for (const [col, cell] of line) {
      const n1 = frequency.get(r) ?? 0;
      const n2 = frequency.get(col) ?? 0;
      cell.c = Math.round((cell.count / (n1 + n2 - cell.count)) * 1000) / 1000;
    }
  }
  return { rows: [...rows], columns: [...columns], frequency, cells };
}
