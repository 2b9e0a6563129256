/** Suggested claims of a source (nothing stored until accepted or dismissed): accepting creates claimant, highlight and claim in one undoable step. */
import { ok } from '../../../shared/domain/result';
import type { Claim, Entity, Highlight } from '../../../shared/domain/types';
import type { AcceptedClaimSuggestion, ClaimSuggestionView } from '../../../shared/contract/api-suggest-claims';
import { suggestClaims } from '../../../shared/nlp/claims';
import { describeRange, snapRangeOutward } from '../../../shared/anchoring';
import { cleanAliases, findByNameOrAlias } from '../../../shared/domain/analysis/names';
import type { ClaimType } from '../../../shared/domain/types';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';

/** Credibility 6 ('cannot be judged'): the analyst grades the claim after accepting it. */
const UNGRADED = 6 as const;

function sourceText(wb: Workbench, sourceId: string): ServiceResult<{ text: string; title: string }, 'not_found'> {
  const source = wb.state.get('sources', sourceId);
  if (!source) return fail('not_found', `No source with id ${sourceId}.`);
  const text = wb.store.texts.get(source.contentHash);
  if (text === null) return fail('not_found', `The text of "${source.meta.title}" is missing or damaged in the workspace.`);
  return ok({ text, title: source.meta.title });
}

/** Ranges of this source's passages that some claim cites: a suggestion inside one was accepted (or made by hand) already. */
function citedRanges(wb: Workbench, sourceId: string): Array<{ start: number; end: number }> {
  const evidence = new Set(wb.state.all('claims').flatMap((c) => c.evidenceHighlightIds));
  return wb.state.all('highlights').filter((h) => h.sourceId === sourceId && evidence.has(h.id)).map((h) => h.position);
}

/** The claims the source's text quotes or reports (minus the dismissed and those a claim already cites), claimants matched to existing entities by name or alias. */
export function suggestClaimsForSource(wb: Workbench, sourceId: string): ServiceResult<ClaimSuggestionView[], 'not_found'> {
  const read = sourceText(wb, sourceId);
  if (!read.ok) return read;
  const { text } = read.value;
  const dismissed = new Set(wb.state.get('sources', sourceId)?.dismissedClaimSuggestions ?? []);
  const cited = citedRanges(wb, sourceId);
  const taken = (c: { evidence: { start: number; end: number } }) => cited.some((r) => r.start <= c.evidence.start && r.end >= c.evidence.end);
  const known = wb.state.all('entities').map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, type: e.type }));
  return ok(suggestClaims(text, known).filter((c) => !dismissed.has(c.key) && !taken(c)).map((c) => ({
    key: c.key,
    claimant: c.claimant ? { name: c.claimant.name, type: c.claimant.type, entityId: c.claimant.entityId } : null,
    statement: c.statement, type: c.type, quoted: c.quoted, cue: c.cue, confidence: c.confidence,
    evidence: { start: c.evidence.start, end: c.evidence.end, text: text.slice(c.evidence.start, c.evidence.end) },
  })));
}

/**
 * Accept suggestion `key` (recomputed from the stored text, so a stale list cannot place a wrong highlight):
 * finds or creates the claimant entity, highlights the evidence and adds the claim citing it — one undoable step.
 */
export function acceptClaimSuggestion(
  wb: Workbench, req: { sourceId: string; key: string; statement?: string; type?: ClaimType },
): ServiceResult<AcceptedClaimSuggestion, 'not_found' | 'conflict'> {
  const listed = suggestClaimsForSource(wb, req.sourceId);
  if (!listed.ok) return listed;
  const suggestion = listed.value.find((c) => c.key === req.key);
  if (!suggestion) return fail('conflict', 'That suggestion is no longer offered for this source; refresh the list.');
  const read = sourceText(wb, req.sourceId);
  if (!read.ok) return read;
  const { text } = read.value;
  return wb.run(`Accept suggested claim “${suggestion.statement.slice(0, 40)}”`, (s) => {
    const t = now();
    let claimantId: string | null = null;
    let created: Entity | null = null;
    if (suggestion.claimant) {
      const existing = (suggestion.claimant.entityId ? s.get('entities', suggestion.claimant.entityId) : undefined)
        ?? findByNameOrAlias(s.all('entities'), suggestion.claimant.name);
      if (existing) claimantId = existing.id;
      else {
        const name = suggestion.claimant.name.trim().replace(/\s+/g, ' ');
        created = { id: newId(), type: suggestion.claimant.type, name, aliases: cleanAliases(name, []), description: '', createdAt: t, updatedAt: t };
        claimantId = created.id;
      }
    }
    const { start, end } = snapRangeOutward(text, suggestion.evidence.start, suggestion.evidence.end);
    const { quote, position } = describeRange(text, start, end);
    const highlight: Highlight = {
      id: newId(), sourceId: req.sourceId, color: 'yellow', quote, position, tagIds: [], note: '',
      // The passage mentions the claimant: linked like any tagged passage, so the entity's mentions include it.
      entityIds: claimantId ? [claimantId] : [], createdAt: t, updatedAt: t,
    };
    const claim: Claim = {
      id: newId(), claimantId, statement: req.statement ?? suggestion.statement, type: req.type ?? suggestion.type,
      claimedAt: '', credibility: UNGRADED, evidenceHighlightIds: [highlight.id], aboutEntityIds: [], supports: [],
      contradicts: [], tagIds: [], createdAt: t, updatedAt: t,
    };
    return ok({
      ops: [
        ...(created ? [{ t: 'put' as const, c: 'entities' as const, v: created }] : []),
        { t: 'put' as const, c: 'highlights' as const, v: highlight },
        { t: 'put' as const, c: 'claims' as const, v: claim },
      ],
      value: { claimId: claim.id, highlightId: highlight.id, claimantId, createdClaimant: created !== null },
    });
  });
}

/**
 * Remembers (undoably) that the analyst does not want suggestion `key` for this source again. Keys are evidence offsets
 * ("start:end") in the source's text, which never changes, so a stored key keeps naming the same passage.
 */
export function dismissClaimSuggestion(wb: Workbench, sourceId: string, key: string): ServiceResult<{ dismissed: string[] }, 'not_found'> {
  return wb.run(`Dismiss suggested claim ${key}`, (s) => {
    const source = s.get('sources', sourceId);
    if (!source) return fail('not_found', `No source with id ${sourceId}.`);
    const current = source.dismissedClaimSuggestions ?? [];
    if (current.includes(key)) return ok({ ops: [], value: { dismissed: current } });
    const dismissed = [...current, key];
    return ok({ ops: [{ t: 'put', c: 'sources', v: { ...source, dismissedClaimSuggestions: dismissed, updatedAt: now() } }], value: { dismissed } });
  });
}
