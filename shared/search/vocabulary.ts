/** Indexed terms with document frequencies: IDF for ranking, prefix and fuzzy expansion of query terms. */

export class Vocabulary {
  private readonly df = new Map<string, number>();
  /** Sorted terms for prefix ranges; may hold terms whose df fell to 0 until the next re-sort. */
  private sorted: string[] = [];
  private pending: string[] = [];

  constructor(entries: Iterable<[string, number]> = []) {
    for (const [term, count] of entries) this.df.set(term, count);
    this.sorted = [...this.df.keys()].sort(compareCodeUnits);
  }

  get size(): number {
    return this.df.size;
  }

  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Counts a document's distinct terms in (+1) or out (-1). */
  count(distinctTerms: Iterable<string>, delta: 1 | -1): void {
    for (const term of distinctTerms) {
      const next = (this.df.get(term) ?? 0) + delta;
      if (next > 0) {
        if (!this.df.has(term)) this.pending.push(term);
        this.df.set(term, next);
      } else {
        this.df.delete(term);
      }
    }
  }

  /** Terms that start with `prefix` (the prefix itself excluded), most frequent first. */
  withPrefix(prefix: string, max: number): string[] {
    const found: string[] = [];
    const terms = this.sortedTerms();
    for (let i = lowerBound(terms, prefix); i < terms.length; i++) {
      const term = terms[i] ?? '';
      if (!term.startsWith(prefix)) break;
      if (term !== prefix && this.df.has(term)) found.push(term);
    }
    return this.mostFrequent(found, max);
  }

  /**
   * Terms within `maxDistance` edits (insert, delete, substitute, swap), closest then most frequent.
   * Only terms sharing the first or second letter are compared: a typo rarely hits both.
   */
  near(term: string, maxDistance: number, max: number): Array<{ term: string; distance: number }> {
    const terms = this.sortedTerms();
    const scored: Array<{ term: string; distance: number }> = [];
    const seen = new Set<string>();
    for (const lead of new Set([term.charAt(0), term.charAt(1)])) {
      if (!lead) continue;
      for (let i = lowerBound(terms, lead); i < terms.length; i++) {
        const candidate = terms[i] ?? '';
        if (!candidate.startsWith(lead)) break;
        if (candidate === term || seen.has(candidate) || !this.df.has(candidate)) continue;
        if (Math.abs(candidate.length - term.length) > maxDistance) continue;
        seen.add(candidate);
        const distance = boundedEditDistance(term, candidate, maxDistance);
        if (distance <= maxDistance) scored.push({ term: candidate, distance });
      }
    }
    scored.sort((a, b) => a.distance - b.distance || this.frequency(b.term) - this.frequency(a.term));
    return scored.slice(0, max);
  }

  entries(): Array<[string, number]> {
    return [...this.df.entries()];
  }

  private mostFrequent(terms: string[], max: number): string[] {
    return terms.sort((a, b) => this.frequency(b) - this.frequency(a) || a.length - b.length).slice(0, max);
  }

  private sortedTerms(): string[] {
    if (this.pending.length === 0) return this.sorted;
    if (this.pending.length < 200) {
      // A few new terms after an edit: insert in place instead of re-sorting everything.
      for (const term of this.pending) {
        const at = lowerBound(this.sorted, term);
        if (this.sorted[at] !== term) this.sorted.splice(at, 0, term);
      }
    } else {
      this.sorted = [...this.df.keys()].sort(compareCodeUnits);
    }
    this.pending = [];
    return this.sorted;
  }
}

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Optimal-string-alignment distance, giving up (returning max + 1) once it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}
