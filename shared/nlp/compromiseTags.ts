/** Adapter over compromise: word-level lexicon lookups (cheap) and tags of one sentence in context (costly, budgeted). */
import nlp from 'compromise';

type LexiconTags = string | string[];

const NAME_TAGS = new Set([
  'Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific', 'Place', 'Country', 'City', 'Region',
  'ProperNoun', 'Organization', 'SportsTeam', 'Company', 'Demonym', 'Acronym',
]);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
/** Tags that mean a sentence-initial word is an ordinary word, not a name. */
const COMMON_TAGS = new Set([
  'Verb', 'Adverb', 'Adjective', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'QuestionWord', 'Date',
  'Value', 'Expression', 'Plural', 'Uncountable', 'Comparative', 'Superlative', 'Modal',
]);

let lexicon: Record<string, LexiconTags> | null = null;

function lexiconOf(): Record<string, LexiconTags> {
  if (!lexicon) {
    // model() is typed as object; the lexicon lives at model().one.lexicon (word → tag or tags).
    const model = nlp.model() as { one?: { lexicon?: Record<string, LexiconTags> } };
    lexicon = model.one?.lexicon ?? {};
  }
  return lexicon;
}

function tagsOf(lower: string): string[] {
  const tags = lexiconOf()[lower];
  if (tags === undefined) return [];
  return Array.isArray(tags) ? tags : [tags];
}

export function isFirstName(lower: string): boolean {
  return tagsOf(lower).some((t) => FIRST_NAME_TAGS.has(t));
}

export function isLastName(lower: string): boolean {
  return tagsOf(lower).includes('LastName');
}

/** The lexicon knows the word, and only as an ordinary word ('thanks', 'order', 'meanwhile'). */
export function isCommonWord(lower: string): boolean {
  const tags = tagsOf(lower);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}

/** Tags of words that cannot start a name: verbs, adverbs, adjectives, function words (nouns can: 'Bill'). */
const NON_NOUN_TAGS = new Set([
  'Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'PhrasalVerb', 'Copula', 'Modal',
  'Auxiliary', 'Adverb', 'Adjective', 'Comparative', 'Superlative', 'Preposition', 'Conjunction', 'Determiner',
  'Pronoun', 'QuestionWord', 'Expression',
]);

/** The lexicon knows the word only as a non-noun ordinary word ('later', 'thanks', 'unfortunately'). */
export function isNonNounWord(lower: string): boolean {
  const tags = tagsOf(lower);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t)) && tags.some((t) => NON_NOUN_TAGS.has(t));
}

/** What compromise concluded about a span in context. */
export type ContextVerdict = 'person' | 'place' | 'organisation' | 'proper' | 'common' | 'unknown';

interface TermJson { tags?: string[]; offset?: { start: number; length: number } }
interface SentenceJson { terms?: TermJson[] }

export interface TaggedTerm { start: number; end: number; tags: string[] }

/** Tag one sentence in context; offsets are relative to `sentence`. */
export function tagSentence(sentence: string): TaggedTerm[] {
  const json = nlp(sentence).json({ offset: true, terms: { offset: true } }) as SentenceJson[];
  const terms: TaggedTerm[] = [];
  for (const s of json) {
    for (const t of s.terms ?? []) {
      if (t.offset) terms.push({ start: t.offset.start, end: t.offset.start + t.offset.length, tags: t.tags ?? [] });
    }
  }
  return terms;
}

/** Verdict for the span [start, end) (relative to the tagged sentence). */
export function verdictFor(terms: TaggedTerm[], start: number, end: number): ContextVerdict {
  const tags = new Set<string>();
  for (const t of terms) if (t.end > start && t.start < end) for (const tag of t.tags) tags.add(tag);
  if (tags.size === 0) return 'unknown';
  if (tags.has('Person') || tags.has('FirstName') || tags.has('LastName') || tags.has('Honorific')) return 'person';
  if (tags.has('Organization') || tags.has('SportsTeam') || tags.has('Company')) return 'organisation';
  if (tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region')) return 'place';
  if (tags.has('ProperNoun')) return 'proper';
  for (const tag of tags) if (COMMON_TAGS.has(tag)) return 'common';
  return 'unknown';
}
