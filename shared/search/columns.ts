/**
 * Compact storage for the document table: growable typed-array columns, string interning and an arena of
 * small id lists. One object per document cost ~500 bytes at 100k highlights (ADR 0011); these cost ~40.
 */

/** An Int32Array indexed by document id that grows (doubling) as ids are handed out; unset cells read `fill`. */
export class IntColumn {
  private data: Int32Array;

  constructor(private readonly fill: number, capacity = 1024) {
    this.data = new Int32Array(capacity).fill(fill);
  }

  get(i: number): number {
    return i < this.data.length ? (this.data[i] as number) : this.fill;
  }

  set(i: number, value: number): void {
    if (i >= this.data.length) {
      let size = this.data.length * 2;
      while (size <= i) size *= 2;
      const next = new Int32Array(size).fill(this.fill);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = value;
  }

  /** The cells themselves, for tight read-only loops (may be shorter than the highest id: read `fill` past the end). */
  get raw(): Int32Array {
    return this.data;
  }

  /** Bytes held (for memory tests and the benchmark). */
  get bytes(): number {
    return this.data.byteLength;
  }
}

/** Strings ↔ small ints, so repeated values (tag ids, source ids, dates, tag-name lists) are stored once. */
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];

  /** The int of `value`, assigned on first sight (never released: the set of distinct values stays small). */
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The int of a value already seen, or -1. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  value(id: number): string {
    const v = this.values[id];
    if (v === undefined) throw new Error(`no interned value ${id}`);
    return v;
  }

  get size(): number {
    return this.values.length;
  }
}

/**
 * Variable-length lists of small ints packed into one Int32Array. A replaced list leaves its old cells as
 * garbage; the arena compacts itself when garbage is over half of it, so updates never grow it for good.
 */
export class ListArena {
  private cells = new Int32Array(4096);
  private used = 0;
  private garbage = 0;
  /** Per owner (document id): where its list starts and how long it is; -1 = no list. */
  private readonly start = new IntColumn(-1);
  private readonly length = new IntColumn(0);

  set(owner: number, list: readonly number[]): void {
    this.clear(owner);
    if (list.length === 0) return;
    if (this.used + list.length > this.cells.length) this.grow(list.length);
    this.start.set(owner, this.used);
    this.length.set(owner, list.length);
    for (const v of list) this.cells[this.used++] = v;
  }

  clear(owner: number): void {
    if (this.start.get(owner) < 0) return;
    this.garbage += this.length.get(owner);
    this.start.set(owner, -1);
    this.length.set(owner, 0);
  }

  get(owner: number): number[] {
    const at = this.start.get(owner);
    if (at < 0) return [];
    return Array.from(this.cells.subarray(at, at + this.length.get(owner)));
  }

  /** True when the owner's list holds any value `wanted` has a 1 at (a bitmap over interned ids). */
  some(owner: number, wanted: Uint8Array): boolean {
    const at = this.start.get(owner);
    if (at < 0) return false;
    const end = at + this.length.get(owner);
    for (let i = at; i < end; i++) if (wanted[this.cells[i] as number] === 1) return true;
    return false;
  }

  get bytes(): number {
    return this.cells.byteLength + this.start.bytes + this.length.bytes;
  }

  /** Live cells (for tests: garbage is reclaimed). */
  get liveCells(): number {
    return this.used - this.garbage;
  }

  private grow(needed: number): void {
    if (this.garbage * 2 > this.used) {
      this.compact();
      if (this.used + needed <= this.cells.length) return;
    }
    let size = this.cells.length * 2;
    while (size < this.used + needed) size *= 2;
    const next = new Int32Array(size);
    next.set(this.cells.subarray(0, this.used));
    this.cells = next;
  }

  /** Moves every live list to the front, in owner order. */
  private compact(): void {
    const next = new Int32Array(this.cells.length);
    let used = 0;
    for (let owner = 0; owner < this.ownerLimit; owner++) {
      const at = this.start.get(owner);
      if (at < 0) continue;
      const n = this.length.get(owner);
      next.set(this.cells.subarray(at, at + n), used);
      this.start.set(owner, used);
      used += n;
    }
    this.cells = next;
    this.used = used;
    this.garbage = 0;
  }

  private get ownerLimit(): number {
    return this.start.bytes / 4;
  }
}
