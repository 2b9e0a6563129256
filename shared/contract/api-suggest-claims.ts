/** Contract methods for suggested claims: quotations and reported speech found offline, accepted one at a time (issue 17). */
import { z } from 'zod';
import { method } from './define';
import { id } from './schemas';
import { CLAIM_TYPES, type ClaimType, type EntityType } from '../domain/types';

/** One suggested claim of a source, as the review list shows it. */
export interface ClaimSuggestionView {
  /** Identifies the suggestion within its source: `${evidenceStart}:${evidenceEnd}`. */
  key: string;
  /** Null when the text names no one ('officials said'). */
  claimant: { name: string; type: EntityType; entityId: string | null } | null;
  statement: string;
  type: ClaimType;
  evidence: { start: number; end: number; text: string };
  quoted: boolean;
  cue: string;
  confidence: number;
}

/** What accepting created: one undoable step. */
export interface AcceptedClaimSuggestion {
  claimId: string;
  highlightId: string;
  /** The claimant entity (found by name or alias, or created), or null. */
  claimantId: string | null;
  createdClaimant: boolean;
}

export const suggestClaimsApi = {
  'claims.suggest': method<ClaimSuggestionView[]>()({ request: z.object({ sourceId: id }).strict(), errors: ['not_found'] }),
  'claims.acceptSuggestion': method<AcceptedClaimSuggestion>()({
    request: z.object({
      sourceId: id,
      key: z.string().regex(/^\d+:\d+$/, 'expected start:end'),
      /** The analyst's edits, when they changed the suggestion before accepting it. */
      statement: z.string().trim().min(1).max(5000).optional(),
      type: z.enum(CLAIM_TYPES).optional(),
    }).strict(),
    errors: ['not_found', 'conflict'],
  }),
  /** Hides a suggestion for this source for good (stored on the source; undo brings it back). */
  'claims.dismissSuggestion': method<{ dismissed: string[] }>()({
    request: z.object({ sourceId: id, key: z.string().regex(/^\d+:\d+$/, 'expected start:end') }).strict(),
    errors: ['not_found'],
  }),
};
