/** Decide which candidates are real entities; consult compromise in context only for doubtful ones, within a budget. */
import { REPORTING_VERBS } from './data/lexicon';
import { isCommonWord, tagSentence, verdictFor, type ContextVerdict, type TaggedTerm } from './compromiseTags';
import { foldForMatch } from './fold';
import { nameKey } from './inflect';
import { isStrong, type Typing } from './classify';
import type { Tokenized } from './tokenize';
import type { Candidate, TypedMention } from './types';

/** At most this many sentences are tagged by compromise per call: keeps a 1 MB text fast. */
const MAX_CONTEXT_SENTENCES = 300;
const MAX_VERDICTS_PER_NAME = 2;
const MAX_SENTENCE_CHARS = 1200;

type Status = 'accept' | 'reject' | 'check' | 'check-initial';

const NAME_VERDICTS = new Set<ContextVerdict>(['person', 'place', 'organisation', 'proper']);

function firstTokenAtOrAfter(tokenized: Tokenized, offset: number): number {
  const { tokens } = tokenized;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 'Smadiyarov said …', 'Bloggs also told …': a reporting verb within two words. */
function followedByReportingVerb(tokenized: Tokenized, c: Candidate): boolean {
  const i = firstTokenAtOrAfter(tokenized, c.end);
  return [0, 1].some((k) => REPORTING_VERBS.has(tokenized.tokens[i + k]?.lower ?? ''));
}

function initialStatus(c: Candidate, typing: Typing, tokenized: Tokenized, confirmed: Set<string>): Status {
  if (isStrong(typing.evidence) || c.words.length > 1) return 'accept';
  const lower = c.surface.toLowerCase();
  const common = tokenized.lowercaseWords.has(lower) || isCommonWord(lower);
  if (!c.sentenceInitial) return common ? 'check' : 'accept';
  if (confirmed.has(foldForMatch(c.surface)) || typing.evidence === 'first-name') return 'accept';
  return common ? 'reject' : 'check-initial';
}

/** Single names seen mid-sentence, and trailing parts of multiword person names ('Erdoğan', 'Tayyip Erdoğan'). */
function confirmedFolds(candidates: Candidate[], typings: Typing[], tokenized: Tokenized): Set<string> {
  const folds = new Set<string>();
  candidates.forEach((c, i) => {
    const lower = c.surface.toLowerCase();
    if (c.words.length === 1 && !c.sentenceInitial && !tokenized.lowercaseWords.has(lower) && !isCommonWord(lower)) {
      folds.add(foldForMatch(c.surface));
    }
    if (typings[i]?.type === 'person' && c.words.length > 1) {
      for (let k = 1; k < c.words.length; k += 1) folds.add(foldForMatch(c.words.slice(k).join(' ')));
    }
  });
  return folds;
}

class ContextTagger {
  private readonly sentences = new Map<number, { base: number; terms: TaggedTerm[] }>();
  private readonly verdicts = new Map<string, ContextVerdict[]>();

  constructor(private readonly text: string, private readonly tokenized: Tokenized) {}

  /** Verdicts gathered for this name so far, tagging its sentence when the budget allows. */
  verdictsFor(c: Candidate): ContextVerdict[] {
    const key = foldForMatch(c.surface);
    const known = this.verdicts.get(key) ?? [];
    if (known.length >= MAX_VERDICTS_PER_NAME) return known;
    const tagged = this.tagged(c);
    if (tagged) known.push(verdictFor(tagged.terms, c.start - tagged.base, c.end - tagged.base));
    this.verdicts.set(key, known);
    return known;
  }

  private tagged(c: Candidate): { base: number; terms: TaggedTerm[] } | null {
    const cached = this.sentences.get(c.sentence);
    if (cached) return cached;
    if (this.sentences.size >= MAX_CONTEXT_SENTENCES) return null;
    let base = this.tokenized.sentenceStarts[c.sentence] ?? 0;
    let end = this.tokenized.sentenceStarts[c.sentence + 1] ?? this.text.length;
    if (end - base > MAX_SENTENCE_CHARS) {
      base = Math.max(base, c.start - MAX_SENTENCE_CHARS / 2);
      end = Math.min(end, c.end + MAX_SENTENCE_CHARS / 2);
    }
    const entry = { base, terms: tagSentence(this.text.slice(base, end)) };
    this.sentences.set(c.sentence, entry);
    return entry;
  }
}

/** Legal forms dropped from the grouping key, so 'Qazaq Gas Logistics LLP' and 'Qazaq Gas Logistics' are one suggestion. */
const LEGAL_FORM_RE = /\s+(?:LLC|LLP|JSC|PJSC|AG|GmbH|PLC|Ltd\.?|Inc\.?|Corp\.?|A\.Ş\.?|SA|NV|BV)$/u;

const keyOf = (c: Candidate): string =>
  (c.gazetteer ? `g:${c.gazetteer.canonical}` : `f:${nameKey(c.surface.replace(LEGAL_FORM_RE, ''))}`);

/** Accepted, typed mentions, in candidate order. */
export function acceptCandidates(text: string, tokenized: Tokenized, candidates: Candidate[], typings: Typing[]): TypedMention[] {
  const confirmed = confirmedFolds(candidates, typings, tokenized);
  const tagger = new ContextTagger(text, tokenized);
  const mentions: TypedMention[] = [];
  candidates.forEach((c, i) => {
    const typing = typings[i];
    if (!typing) return;
    // A name alone in guillemets ('«Казахтелеком»') is a name even where it opens a clause.
    const guillemets = text[c.start - 1] === '«' && text[c.end] === '»';
    const status = guillemets ? 'accept' : initialStatus(c, typing, tokenized, confirmed);
    if (status === 'reject') return;
    let { type, evidence } = typing;
    if (status !== 'accept' || (type === 'other' && !isStrong(evidence))) {
      const verdicts = tagger.verdictsFor(c);
      const named = verdicts.find((v) => NAME_VERDICTS.has(v));
      if (status === 'check' && !named) return;
      // An unknown opener still reads as a name when it owns something or reports something.
      if (status === 'check-initial' && !named
        && (verdicts.includes('common') || !(c.possessive || followedByReportingVerb(tokenized, c)))) return;
      if (type === 'other' && (named === 'person' || named === 'place' || named === 'organisation')) {
        type = named;
        evidence = 'compromise';
      }
    }
    mentions.push({ ...c, type, evidence, key: keyOf(c) });
  });
  return mentions;
}
