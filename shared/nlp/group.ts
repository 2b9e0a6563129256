/** Group accepted mentions into suggestions: same name, acronyms, surnames into full names, known-entity aliases. */
import type { EntityType } from '../domain/types';
import { isStrong } from './classify';
import { foldForMatch } from './fold';
import { nameKey } from './inflect';
import { EVIDENCE_WEIGHT, type EntitySuggestion, type KnownEntity, type TypedMention } from './types';

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let root = k;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(k, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** A weak 'other' is what rules say when they know nothing: it only wins when no mention says more. */
const TYPE_PRIORITY: EntityType[] = ['person', 'organisation', 'place', 'event', 'other'];

function voteType(mentions: TypedMention[]): EntityType {
  // The strongest single piece of evidence decides ('President …' beats two compromise guesses); sums break ties.
  const best = new Map<EntityType, number>();
  const sum = new Map<EntityType, number>();
  for (const m of mentions) {
    const weak = m.type === 'other' && (m.evidence === 'single' || m.evidence === 'multiword');
    if (weak) continue;
    const weight = EVIDENCE_WEIGHT[m.evidence];
    best.set(m.type, Math.max(best.get(m.type) ?? 0, weight));
    sum.set(m.type, (sum.get(m.type) ?? 0) + weight);
  }
  let chosen: EntityType = 'other';
  for (const type of TYPE_PRIORITY) {
    const gap = (best.get(type) ?? 0) - (best.get(chosen) ?? 0);
    if (gap > 0 || (gap === 0 && (sum.get(type) ?? 0) > (sum.get(chosen) ?? 0))) chosen = type;
  }
  return chosen;
}

const capitalInitials = (surface: string): string =>
  surface.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');

/** 'CICA' abbreviates 'Conference on Interaction and Confidence Building Measures in Asia': its letters are initials in order. */
function abbreviates(acronym: string, longForm: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  const initials = capitalInitials(longForm);
  if (letters.length < 2 || letters[0] !== initials[0]) return false;
  let i = 0;
  for (const ch of initials) if (ch === letters[i]) i += 1;
  return i === letters.length;
}

function byKey(mentions: TypedMention[]): Map<string, TypedMention[]> {
  const groups = new Map<string, TypedMention[]>();
  for (const m of mentions) {
    const list = groups.get(m.key);
    if (list) list.push(m);
    else groups.set(m.key, [m]);
  }
  return groups;
}

function linkAcronyms(groups: Map<string, TypedMention[]>, uf: UnionFind): void {
  const keyByAcronym = new Map<string, string>();
  for (const [key, list] of groups) {
    const surface = list[0]?.surface ?? '';
    if (list[0]?.words.length === 1 && /^\p{Lu}[\p{Lu}\p{N}&.-]+$/u.test(surface)) keyByAcronym.set(surface, key);
  }
  for (const [key, list] of groups) {
    for (const m of list) {
      const acronymKey = m.acronym ? keyByAcronym.get(m.acronym) : undefined;
      if (acronymKey && m.acronym && abbreviates(m.acronym, m.surface)) uf.union(key, acronymKey);
    }
  }
}

/** Fold 'Erdoğan' and 'Tayyip Erdoğan' into the one person whose full name ends with them. */
/** Fold 'Erdoğan' and 'Tayyip Erdoğan' into the one person whose full name ends with them ('Xi' into 'Xi Jinping'). */
function linkPartialNames(groups: Map<string, TypedMention[]>, types: Map<string, EntityType>, uf: UnionFind): void {
  const bySuffix = new Map<string, Set<string>>();
  const byFirstWord = new Map<string, Set<string>>();
  const own = (map: Map<string, Set<string>>, part: string, key: string): void => {
    const set = map.get(part) ?? new Set<string>();
    set.add(key);
    map.set(part, set);
  };
  for (const [key, list] of groups) {
    if (types.get(key) !== 'person') continue;
    for (const m of list) {
      if (m.words.length < 2) continue;
      for (let k = 1; k < m.words.length; k += 1) own(bySuffix, nameKey(m.words.slice(k).join(' ')), key);
      own(byFirstWord, nameKey(m.words[0] ?? ''), key);
    }
  }
  // Longest first, so 'Tayyip Erdoğan' joins 'Recep Tayyip Erdoğan' before 'Erdoğan' looks for its owner.
  const byLength = [...groups].sort((a, b) => (b[1][0]?.words.length ?? 0) - (a[1][0]?.words.length ?? 0));
  for (const [key, list] of byLength) {
    // Only names the rules are unsure about fold in: never a gazetteer place or a '… Bank'.
    if (key.startsWith('g:') || list.some((m) => isStrong(m.evidence) && m.type !== 'person')) continue;
    const part = nameKey(list[0]?.surface ?? '');
    const owners = bySuffix.get(part) ?? (list[0]?.words.length === 1 ? byFirstWord.get(part) : undefined);
    const roots = new Set([...(owners ?? [])].map((k) => uf.find(k)));
    roots.delete(uf.find(key));
    // Two people share the surname ('Bill Clinton', 'Hillary Clinton'): leave the surname on its own.
    if (roots.size === 1) uf.union([...roots][0] as string, key);
  }
}

function linkKnown(groups: Map<string, TypedMention[]>, knownByFold: Map<string, KnownEntity>, uf: UnionFind): void {
  const keyByEntity = new Map<string, string>();
  for (const [key, list] of groups) {
    for (const m of list) {
      const entity = knownByFold.get(foldForMatch(m.surface));
      if (!entity) continue;
      const other = keyByEntity.get(entity.id);
      if (other) uf.union(other, key);
      else keyByEntity.set(entity.id, key);
    }
  }
}

function pickName(mentions: TypedMention[], variants: Map<string, number>, merged: boolean): string {
  const canonical = mentions.find((m) => m.gazetteer)?.gazetteer?.canonical;
  const canonicalFold = canonical ? foldForMatch(canonical) : null;
  const words = (s: string): number => s.split(/\s+/).length;
  const nonAscii = (s: string): number => [...s].filter((ch) => ch.charCodeAt(0) > 0x7f).length;
  const ranked = [...variants.entries()].sort((a, b) =>
    Number(foldForMatch(b[0]) === canonicalFold) - Number(foldForMatch(a[0]) === canonicalFold)
    || (merged ? words(b[0]) - words(a[0]) : 0)
    || b[1] - a[1] || nonAscii(b[0]) - nonAscii(a[0]) || b[0].length - a[0].length);
  const name = ranked[0]?.[0] ?? '';
  // A dateline 'WASHINGTON' is still Washington: an all-caps form yields to the gazetteer's spelling.
  if (canonical && foldForMatch(name) === canonicalFold && name === name.toUpperCase() && canonical !== canonical.toUpperCase()) return canonical;
  return name;
}

function toSuggestion(mentions: TypedMention[], keys: number, knownByFold: Map<string, KnownEntity>): EntitySuggestion {
  const spans = new Map<string, { start: number; end: number }>();
  const variants = new Map<string, number>();
  for (const m of mentions) {
    spans.set(`${m.start}:${m.end}`, { start: m.start, end: m.end });
    // A name wrapped across lines is still one name: variants collapse whitespace, occurrences stay exact.
    const variant = m.surface.replace(/\s+/g, ' ');
    variants.set(variant, (variants.get(variant) ?? 0) + 1);
  }
  const occurrences = [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const name = pickName(mentions, variants, keys > 1);
  const variantList = [...variants.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  const match = [name, ...variantList].map((v) => knownByFold.get(foldForMatch(v))).find(Boolean) ?? null;
  const evidence = mentions.reduce((best, m) => Math.max(best, EVIDENCE_WEIGHT[m.evidence]), 0);
  const confidence = Math.min(0.99, evidence + Math.min(0.1, 0.02 * (occurrences.length - 1)));
  return {
    name, type: voteType(mentions), mentions: occurrences.length, occurrences, variants: variantList,
    matchesEntityId: match?.id ?? null, confidence: Math.round(confidence * 100) / 100,
  };
}

/** Merge mentions into suggestions, sorted by mentions (desc), then confidence, then name. */
export function groupMentions(mentions: TypedMention[], knownByFold: Map<string, KnownEntity>): EntitySuggestion[] {
  const groups = byKey(mentions);
  const types = new Map<string, EntityType>([...groups].map(([key, list]) => [key, voteType(list)]));
  const uf = new UnionFind();
  linkAcronyms(groups, uf);
  linkPartialNames(groups, types, uf);
  linkKnown(groups, knownByFold, uf);
  const merged = new Map<string, { mentions: TypedMention[]; keys: number }>();
  for (const [key, list] of groups) {
    const root = uf.find(key);
    const entry = merged.get(root) ?? { mentions: [], keys: 0 };
    entry.mentions.push(...list);
    entry.keys += 1;
    merged.set(root, entry);
  }
  return [...merged.values()]
    .map((g) => toSuggestion(g.mentions, g.keys, knownByFold))
    .sort((a, b) => b.mentions - a.mentions || b.confidence - a.confidence || a.name.localeCompare(b.name));
}
