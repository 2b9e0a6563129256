/** Which known entities a passage names (by name or alias, ignoring case and diacritics), in reading order. */
import { foldForMatch } from '../../../../shared/domain/analysis/fold';

interface Named {
  id: string;
  name: string;
  aliases: readonly string[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Index of `needle` in `hay` as a whole word (not inside a longer word), or -1. */
function wordIndex(hay: string, needle: string): number {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1];
    const after = hay[at + needle.length];
    if ((!before || !WORD_CHAR.test(before)) && (!after || !WORD_CHAR.test(after))) return at;
  }
  return -1;
}

/** Entities named in `text`, ordered by first mention; each entity once. */
export function entitiesMentioned<T extends Named>(text: string, entities: readonly T[]): T[] {
  const hay = foldForMatch(text);
  const found: Array<{ entity: T; at: number }> = [];
  for (const entity of entities) {
    const positions = [entity.name, ...entity.aliases]
      .map((n) => foldForMatch(n))
      .filter((n) => n.length >= 2)
      .map((n) => wordIndex(hay, n))
      .filter((at) => at >= 0);
    if (positions.length > 0) found.push({ entity, at: Math.min(...positions) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.entity);
}
