/** Names a suggestion brings to an existing entity when merged into it: its name and variants not already known. */
import { foldForMatch } from '../../../../../shared/domain/analysis/fold';
import { cleanAliases } from '../../../../../shared/domain/analysis/names';

export function aliasesAfterMerge(
  entity: { name: string; aliases: readonly string[] },
  suggestion: { name: string; variants: readonly string[] },
): string[] {
  return cleanAliases(entity.name, [...entity.aliases, suggestion.name, ...suggestion.variants]);
}

/** Aliases to create an accepted suggestion with: its variants, without the name itself. */
export function aliasesForAccepted(name: string, variants: readonly string[]): string[] {
  return cleanAliases(name, variants);
}

/** True when `query` matches the entity's name or an alias, ignoring case and diacritics (for entity pickers). */
export function matchesEntity(entity: { name: string; aliases: readonly string[] }, query: string): boolean {
  const q = foldForMatch(query);
  if (!q) return true;
  return [entity.name, ...entity.aliases].some((n) => foldForMatch(n).includes(q));
}
