/** Turn a capitalisation run into clean candidates: split place compounds, strip titles, determiners and demonyms. */
import {
  DATE_WORDS, NAME_PARTICLES, NON_ENTITY_ACRONYMS, STOPWORDS, TITLE_HEADS, TITLE_MODIFIERS,
} from './data/lexicon';
import { lookupGazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer';
import { foldForMatch } from './fold';
import { isNonNounWord } from './compromiseTags';
import { structuralType } from './structure';
import { findTitle } from './titles';
import { splitAtBoundaries } from './boundaries';
import { isStructuralWord, type Run } from './runs';
import type { Token } from './tokenize';
import type { Candidate } from './types';

export interface RefineContext {
  text: string;
  gazetteer: Gazetteer;
  /** Folded names and aliases of known entities: never stripped or split. */
  knownFolds: Set<string>;
  /** Words the text also writes in lowercase: a capitalised sentence opener among them is an ordinary word. */
  lowercaseWords: Set<string>;
}

const ARTICLES = new Set(['the', 'a', 'an']);
const ROMAN_NUMERAL_RE = /^[IVX]{1,4}$/;
const HYPHEN_SPLIT_RE = /[-\u2010\u2011\u2013]/;
/** Lowercase words after a dash compound that make it a route's name ('Baku–Tbilisi–Kars line'), not places side by side. */
const ROUTE_AFTER_RE = /^\s+(?:pipeline|line|railway|railroad|road|highway|motorway|corridor|route|link|трубопровод|магистраль)\b/iu;

const spanText = (ctx: RefineContext, toks: Token[]): string =>
  ctx.text.slice(toks[0]?.start ?? 0, toks[toks.length - 1]?.end ?? 0);

function wholeSpanEntry(ctx: RefineContext, toks: Token[]): GazetteerEntry | null {
  return lookupGazetteer(ctx.gazetteer, spanText(ctx, toks));
}

const isAdjective = (ctx: RefineContext, t: Token): boolean => ctx.gazetteer.adjectives.has(foldForMatch(t.text));

function makeCandidate(ctx: RefineContext, toks: Token[], sentenceInitial: boolean, personCue: boolean,
  acronym: string | null): Candidate {
  const start = toks[0]?.start ?? 0;
  const end = toks[toks.length - 1]?.end ?? 0;
  const surface = ctx.text.slice(start, end);
  const entry = lookupGazetteer(ctx.gazetteer, surface);
  return {
    start, end, surface, words: toks.map((t) => t.text), sentenceInitial, personCue,
    sentence: toks[0]?.sentence ?? 0, gazetteer: entry ? { canonical: entry.canonical, type: entry.type } : null,
    acronym, possessive: toks[toks.length - 1]?.possessive ?? false,
  };
}

/** Nested places of a compound like 'Russia-Ukraine' or 'Türkiye-Kazakhstan', or null when it is one name. */
function compoundPlaces(ctx: RefineContext, t: Token): Candidate[] | null {
  if (!HYPHEN_SPLIT_RE.test(t.text) || lookupGazetteer(ctx.gazetteer, t.text)) return null;
  // Three capitalised parts joined by dashes, or two before 'pipeline'/'line', name one route.
  const parts = t.text.split(HYPHEN_SPLIT_RE);
  if (t.text.includes('\u2013') && parts.every((p) => /^\p{Lu}/u.test(p))
    && (parts.length >= 3 || ROUTE_AFTER_RE.test(ctx.text.slice(t.end, t.end + 20)))) return null;
  const places: Candidate[] = [];
  let sawAdjective = false;
  let offset = t.start;
  for (const part of t.text.split(HYPHEN_SPLIT_RE)) {
    const entry = lookupGazetteer(ctx.gazetteer, part);
    if (entry) {
      places.push({
        start: offset, end: offset + part.length, surface: part, words: [part], sentenceInitial: false,
        personCue: false, sentence: t.sentence, gazetteer: { canonical: entry.canonical, type: entry.type }, acronym: null,
        possessive: false,
      });
    } else if (ctx.gazetteer.adjectives.has(foldForMatch(part))) sawAdjective = true;
    offset += part.length + 1;
  }
  return places.length > 0 || sawAdjective ? places : null;
}

function keepsSingleToken(ctx: RefineContext, t: Token): boolean {
  const lower = t.lower;
  if (lookupGazetteer(ctx.gazetteer, t.text) || ctx.knownFolds.has(foldForMatch(t.text))) return true;
  if (DATE_WORDS.has(lower.replace(/\.$/, '')) || STOPWORDS.has(lower) || TITLE_HEADS.has(lower)) return false;
  if (isAdjective(ctx, t) || NON_ENTITY_ACRONYMS.has(t.text) || ROMAN_NUMERAL_RE.test(t.text)) return false;
  // 'the Ministry said', 'the Office': a bare institution word names nothing in particular.
  if (isStructuralWord(lower)) return false;
  // 'Көлік министрі', 'Enerji bakanı': a portfolio word before a lowercase title is part of the title.
  if (TITLE_MODIFIERS.has(lower) && TITLE_HEADS.has(/^\s+([\p{L}'’-]+)/u.exec(ctx.text.slice(t.rawEnd, t.rawEnd + 30))?.[1]?.toLowerCase() ?? '')) return false;
  if (!/\p{L}\p{L}/u.test(t.text) && !/\p{L}\p{N}|\p{N}\p{L}/u.test(t.text)) return false;
  // An acronym right before a number is a unit or currency ('TL 185.89', 'MW 300').
  return !(t.allCaps && /^\s*[\d$€£]/u.test(ctx.text.slice(t.rawEnd, t.rawEnd + 3)));
}

const isNamed = (ctx: RefineContext, toks: Token[]): boolean =>
  !!wholeSpanEntry(ctx, toks) || ctx.knownFolds.has(foldForMatch(spanText(ctx, toks)));
const isStructured = (toks: Token[]): boolean => structuralType(toks.map((t) => t.text)) !== null;

function refineSegment(ctx: RefineContext, segment: Token[], initial: boolean, cue: boolean,
  acronym: string | null): Candidate[] {
  let toks = segment;
  let sentenceInitial = initial;
  const personCue = cue;
  for (;;) {
    // Lowercase connectors never open or close a name, but particles may open one ('von der Leyen').
    while (toks.length > 0 && !toks[0]?.cap && !NAME_PARTICLES.has(toks[0]?.lower ?? '')) toks = toks.slice(1);
    while (toks.length > 0 && !toks[toks.length - 1]?.cap) toks = toks.slice(0, -1);
    const first = toks[0];
    if (!first) return [];
    if (toks.length === 1 || isNamed(ctx, toks)) break;
    // 'Узбекистана Шавкатом Мирзиёевым': a place in a case form (genitive after a title) opens the run, a name follows.
    const opening = /\p{Script=Cyrillic}/u.test(first.text) ? lookupGazetteer(ctx.gazetteer, first.text) : null;
    if (opening?.type === 'place' && foldForMatch(opening.canonical) !== foldForMatch(first.text)) {
      return [makeCandidate(ctx, [first], false, false, null), ...refineSegment(ctx, toks.slice(1), false, true, acronym)];
    }
    const structured = isStructured(toks);
    const title = findTitle(toks, ctx.text, ctx.gazetteer, ctx.lowercaseWords);
    if (title) {
      const left = toks.slice(0, title.from);
      const right = toks.slice(title.to);
      const named = title.named ? [makeCandidate(ctx, title.named, false, false, null)] : [];
      // Inside an institution's name a title word is part of it ('Ministry of Justice'),
      // unless a name follows ('Bank of England Governor Andrew Bailey').
      const splits = !structured || (right.length > 0 && (isNamed(ctx, left) || isStructured(left)));
      if (splits) {
        return [
          ...named,
          ...(left.length > 0 ? refineSegment(ctx, left, sentenceInitial, personCue, right.length > 0 ? null : acronym) : []),
          ...(right.length > 0 ? refineSegment(ctx, right, false, true, acronym) : []),
        ];
      }
    }
    const strippable = (STOPWORDS.has(first.lower) && (sentenceInitial || ARTICLES.has(first.lower)))
      // An opener the text also writes in lowercase, or that can only be a verb/adverb/adjective
      // ('Later', 'Thanks'), is an ordinary word; a noun may be a first name ('Bill Clinton').
      || (sentenceInitial && (ctx.lowercaseWords.has(first.lower) || isNonNounWord(first.lower)) && !structured)
      || (isAdjective(ctx, first) && !structured);
    if (!strippable) break;
    toks = toks.slice(1);
    sentenceInitial = false;
  }
  while (toks.length > 1 && DATE_WORDS.has(toks[toks.length - 1]?.lower ?? '')) toks = toks.slice(0, -1);
  if (toks.length === 1 && !keepsSingleToken(ctx, toks[0] as Token)) return [];
  return [makeCandidate(ctx, toks, sentenceInitial, personCue, acronym)];
}

/** Candidates of one run, cut where one name ends and the next begins. */
export function refineRun(ctx: RefineContext, run: Run): Candidate[] {
  const parts = splitAtBoundaries(run.tokens, ctx.gazetteer);
  if (parts.length === 1) return refineWholeRun(ctx, run);
  return parts.flatMap((tokens, i) => refineWholeRun(ctx, {
    // The cue before the run ('представитель МИД Украины Георгий Тихий') points at the name the run ends with.
    tokens, personCue: i === parts.length - 1 && run.personCue, acronym: i === parts.length - 1 ? run.acronym : null,
  }));
}

/** Candidates of one run, nested compound places first. */
function refineWholeRun(ctx: RefineContext, run: Run): Candidate[] {
  const out: Candidate[] = [];
  const structured = structuralType(run.tokens.map((t) => t.text)) !== null;
  const segments: Token[][] = [[]];
  for (const t of run.tokens) {
    const places = t.cap ? compoundPlaces(ctx, t) : null;
    if (places) {
      out.push(...places);
      if (!structured) {
        segments.push([]);
        continue;
      }
    }
    segments[segments.length - 1]?.push(t);
  }
  const initial = run.tokens[0]?.sentenceStart ?? false;
  segments.forEach((segment, index) => {
    if (segment.length === 0) return;
    const atRunStart = segment[0] === run.tokens[0];
    const isLast = index === segments.length - 1;
    out.push(...refineSegment(ctx, segment, atRunStart && initial, atRunStart && run.personCue,
      isLast ? run.acronym : null));
  });
  return out;
}
