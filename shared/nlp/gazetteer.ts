/** Lookup tables built once from the gazetteer data: places, organisations and demonyms. */
import type { EntityType } from '../domain/types';
import { COUNTRY_ROWS, REGION_NAMES } from './data/countries';
import { ORGANISATION_ROWS } from './data/organisations';
import { CAPITALISED_ADJECTIVES } from './data/lexicon';
import { REGIONAL_ORGANISATIONS, REGIONAL_PLACES } from './data/regional';
import { baseForms } from './inflect';
import { foldForMatch } from './fold';

export interface GazetteerEntry {
  canonical: string;
  type: EntityType;
}

export interface Gazetteer {
  /** Folded name → entry (case/diacritic-insensitive). */
  byFold: Map<string, GazetteerEntry>;
  /** Exact all-caps aliases (US, UN, WHO): only matched when written in capitals. */
  byAcronym: Map<string, GazetteerEntry>;
  /** Folded demonyms and capitalised adjectives, with plural forms (Turkish, Kazakhs, Western). */
  adjectives: Set<string>;
}

const isAcronym = (s: string): boolean => /^[\p{Lu}\p{N}.&-]+$/u.test(s) && /\p{Lu}/u.test(s);
const list = (s: string | undefined): string[] => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

function add(g: Gazetteer, name: string, entry: GazetteerEntry): void {
  if (isAcronym(name)) {
    if (!g.byAcronym.has(name)) g.byAcronym.set(name, entry);
    // Pronounceable acronyms are also written 'Nato', 'Opec'; short ones ('US', 'WHO') never safely.
    if (name.length < 4 || /[.&\d]/.test(name)) return;
  }
  const key = foldForMatch(name);
  // First writer wins, so a country keeps its name when a city shares it (Djibouti, Singapore).
  if (!g.byFold.has(key)) g.byFold.set(key, entry);
}

function addAdjective(g: Gazetteer, word: string): void {
  const key = foldForMatch(word);
  g.adjectives.add(key);
  g.adjectives.add(key.endsWith('s') ? `${key}es` : `${key}s`);
}

function build(): Gazetteer {
  const g: Gazetteer = { byFold: new Map(), byAcronym: new Map(), adjectives: new Set() };
  const cityRows: Array<[string, GazetteerEntry]> = [];
  for (const row of COUNTRY_ROWS) {
    const [name = '', cities, demonyms, aliases] = row.split('|');
    const entry: GazetteerEntry = { canonical: name, type: 'place' };
    add(g, name, entry);
    for (const alias of list(aliases)) add(g, alias, entry);
    for (const city of list(cities)) cityRows.push([city, { canonical: city, type: 'place' }]);
    for (const demonym of list(demonyms)) addAdjective(g, demonym);
  }
  for (const [city, entry] of cityRows) add(g, city, entry);
  for (const region of REGION_NAMES) add(g, region, { canonical: region, type: 'place' });
  for (const row of ORGANISATION_ROWS) {
    const [name = '', aliases] = row.split('|');
    const entry: GazetteerEntry = { canonical: name, type: 'organisation' };
    add(g, name, entry);
    for (const alias of list(aliases)) add(g, alias, entry);
  }
  for (const place of REGIONAL_PLACES) add(g, place, { canonical: place, type: 'place' });
  for (const organisation of REGIONAL_ORGANISATIONS) add(g, organisation, { canonical: organisation, type: 'organisation' });
  for (const adjective of CAPITALISED_ADJECTIVES) addAdjective(g, adjective);
  // A demonym that is also a place name (Georgian is not, but 'Congolese' never is) must stay a place.
  for (const key of g.byFold.keys()) g.adjectives.delete(key);
  return g;
}

let cached: Gazetteer | null = null;

/** The shared gazetteer (built lazily on first use; the data is static). */
export function gazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}

/** Gazetteer entry for an exact surface form, honouring the all-caps rule for acronyms. */
export function lookupGazetteer(g: Gazetteer, surface: string): GazetteerEntry | null {
  if (isAcronym(surface)) return g.byAcronym.get(surface) ?? g.byFold.get(foldForMatch(surface)) ?? null;
  return g.byFold.get(foldForMatch(surface)) ?? inflectedEntry(g, surface);
}

/** A Russian or Kazakh case form of a gazetteer name ('Казахстана', 'Анкарада'): the last word's base forms. */
function inflectedEntry(g: Gazetteer, surface: string): GazetteerEntry | null {
  const cut = surface.lastIndexOf(' ');
  const head = surface.slice(0, cut + 1);
  for (const base of baseForms(surface.slice(cut + 1)).slice(1)) {
    const entry = g.byFold.get(foldForMatch(head + base));
    if (entry) return entry;
  }
  return null;
}
