/** Shapes of suggested claims: who said what, how sure, and where in the text it is said. */
import type { ClaimType, EntityType } from '../../domain/types';
import type { TextSpan } from '../types';

/** The speaker a claim is attributed to, as written in the text. */
export interface ClaimantSpan extends TextSpan {
  /** The name as it should be shown and created: the entity suggestion's name when one covers the span. */
  name: string;
  /** Exact surface text (text.slice(start, end)). */
  surface: string;
  type: EntityType;
  /** A known entity whose name or alias folds equal to the name or surface. */
  entityId: string | null;
}

/** One suggested claim; nothing is created until the analyst accepts it. */
export interface ClaimSuggestion {
  /** Stable within one text: `${evidence.start}:${evidence.end}`. */
  key: string;
  /** Null when the text names no one ('officials said', 'experts say'). */
  claimant: ClaimantSpan | null;
  /** The quote or the reported clause, without quotation marks, trailing attribution or final punctuation. */
  statement: string;
  type: ClaimType;
  /** The sentence (or quote) that carries the claim: text.slice(start, end) is what a highlight covers. */
  evidence: TextSpan;
  /** The cue that made it a claim ('said', 'according to', 'заявил', 'dedi'). */
  cue: string;
  /** True when the statement is a direct quotation. */
  quoted: boolean;
  /** 0..1. */
  confidence: number;
}
