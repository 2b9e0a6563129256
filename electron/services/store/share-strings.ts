/**
 * One copy of each repeated short value in records read from a shard: ids, id lists, selector types, colours.
 * JSON.parse makes a new string for every occurrence, so 100k highlights held ~100k copies of
 * "TextQuoteSelector" and of their sources' and tags' ids (~30 MB of heap at 100k, see docs/benchmarks.md).
 * Only which string object holds a value changes, never a value: records still serialise byte for byte the same.
 */

/** Keys whose string values (or string array elements) repeat across records: record ids and references to them, kinds. */
const SHARED_KEYS = new Set(['id', 'type', 'color', 'kind', 'status', 'role', 'grade']);
const isReferenceKey = (key: string): boolean => key.endsWith('Id') || key.endsWith('Ids');
/** Longer strings are text, not ids (a UUID is 36 characters). */
const MAX_SHARED = 64;

/** A pool for one load: values first seen are kept and handed out again; dropped with the load. */
export class StringPool {
  private readonly values = new Map<string, string>();

  share(value: string): string {
    if (value.length > MAX_SHARED) return value;
    const kept = this.values.get(value);
    if (kept !== undefined) return kept;
    this.values.set(value, value);
    return value;
  }

  /** Replaces repeated values in one record (and its nested objects, e.g. a highlight's quote and position) in place. */
  shareRecord(record: Record<string, unknown>, depth = 0): void {
    for (const key in record) {
      const v = record[key];
      if (typeof v === 'string') {
        if (SHARED_KEYS.has(key) || isReferenceKey(key)) record[key] = this.share(v);
      } else if (Array.isArray(v)) {
        if (isReferenceKey(key)) for (let i = 0; i < v.length; i++) if (typeof v[i] === 'string') v[i] = this.share(v[i] as string);
      } else if (v !== null && typeof v === 'object' && depth < 2) {
        this.shareRecord(v as Record<string, unknown>, depth + 1);
      }
    }
    // Most records are never edited: their updatedAt is their createdAt, one string is enough.
    if (typeof record.updatedAt === 'string' && record.updatedAt === record.createdAt) record.updatedAt = record.createdAt;
  }
}
