/** Allocation-free shape-check combinators whose types tie each check to the domain type it proves. */

/**
 * Returns null when the value fits, else what is wrong with it. T exists only for tsc: `proves` is never set,
 * and as a function-typed property it makes Check invariant in T, so a Check<string[]> cannot stand in for a
 * Check<string[] | undefined> (an optional field checked as required) nor a Check<string> for a Check<number>.
 */
export type Check<T> = ((v: unknown) => string | null) & { readonly proves?: (t: T) => T };

/**
 * Exactly one check per field of T, optional fields included, each proving that field's type: a domain field
 * added, renamed or retyped without the same change in the table is a tsc error naming the field.
 */
export type ShapeOf<T> = { [K in keyof Required<T>]: Check<T[K]> };

/** The only untyped step: a leaf check asserts what it proves (kept to the few primitives below). */
const leaf = <T>(f: (v: unknown) => string | null): Check<T> => f;

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = leaf<string>((v) => (typeof v === 'string' ? null : 'expected a string'));
export const nullableStr = leaf<string | null>((v) => (v === null || typeof v === 'string' ? null : 'expected a string or null'));
export const bool = leaf<boolean>((v) => (typeof v === 'boolean' ? null : 'expected true or false'));
export const int = leaf<number>((v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'expected a whole number >= 0'));
export const finite = leaf<number>((v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'expected a number'));
export const hash = leaf<string>((v) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? null : 'expected a sha-256 hex hash'));
export const literal = <const T extends string>(x: T) => leaf<T>((v) => (v === x ? null : `expected "${x}"`));
export const oneOf = <const T extends readonly unknown[]>(xs: T) =>
  leaf<T[number]>((v) => (xs.includes(v) ? null : `expected one of ${xs.join(', ')}`));
export const optional = <T>(c: Check<T>) => leaf<T | undefined>((v) => (v === undefined ? null : c(v)));
export const nullable = <T>(c: Check<T>) => leaf<T | null>((v) => (v === null ? null : c(v)));

export const arrayOf = <T>(c: Check<T>) => leaf<T[]>((v) => {
  if (!Array.isArray(v)) return 'expected an array';
  for (let i = 0; i < v.length; i++) {
    const p = c(v[i]);
    if (p) return `[${i}]: ${p}`;
  }
  return null;
});
export const strs = arrayOf(str);

export const recordOf = <T>(c: Check<T>) => leaf<Record<string, T>>((v) => {
  if (!isObj(v)) return 'expected an object';
  for (const [k, x] of Object.entries(v)) {
    const p = c(x);
    if (p) return `${k.slice(0, 80)}: ${p}`;
  }
  return null;
});

/** An object with every field of T checked; unknown extra fields pass untouched (the record is kept as read). */
export const object = <T>(fields: ShapeOf<T>): Check<T> => {
  // Plain indexed loops: this runs for every record on every open (100k highlights).
  const keys = Object.keys(fields);
  const checks = keys.map((k) => (fields as Record<string, Check<unknown>>)[k]!);
  return leaf<T>((v) => {
    if (!isObj(v)) return 'expected an object';
    for (let i = 0; i < keys.length; i++) {
      const p = checks[i]!(v[keys[i]!]);
      if (p) return `${keys[i]}: ${p}`;
    }
    return null;
  });
};
