/** Entity name rules: case- and diacritic-insensitive matching of names and aliases, and merging aliases. */
import { foldForMatch } from './fold';

export interface Named {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** The entity (other than `exceptId`) whose name or an alias folds equal to `name`; names win over aliases. */
export function findByNameOrAlias<T extends Named>(entities: readonly T[], name: string, exceptId?: string): T | undefined {
  const key = foldForMatch(name);
  if (!key) return undefined;
  const others = entities.filter((e) => e.id !== exceptId);
  return others.find((e) => foldForMatch(e.name) === key) ?? others.find((e) => e.aliases.some((a) => foldForMatch(a) === key));
}

/** Trimmed aliases without blanks, without ones equal to the name, and without folded duplicates (first spelling kept). */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([foldForMatch(name)]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim().replace(/\s+/g, ' ');
    const key = foldForMatch(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/** Aliases of `into` after absorbing `from`: into's own, then from's name and aliases, deduplicated, never into's name. */
export function mergedAliases(from: Pick<Named, 'name' | 'aliases'>, into: Pick<Named, 'name' | 'aliases'>): string[] {
  return cleanAliases(into.name, [...into.aliases, from.name, ...from.aliases]);
}
