/** The string table the compact wire forms (graph, reader, library) share: repeated strings sent once, referred to by index. */

/** Index of each distinct value, in order of first use; `values` is what goes over the wire. */
export class WireTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}
