/** Entity suggestions for a source (never created until accepted), and dismissing the ones the analyst rejects. */
import { ok } from '../../../shared/domain/result';
import type { EntitySuggestionView } from '../../../shared/contract/views-analysis';
import { suggestEntities } from '../../../shared/nlp';
import { foldForMatch } from '../../../shared/domain/analysis/fold';
import { fail, now, type ServiceResult, type Workbench } from './workbench';

/** Suggestions minus the dismissed ones; those matching a known entity stay, with matchesEntityId set ("already known"). */
export function suggestForSource(wb: Workbench, sourceId: string): ServiceResult<EntitySuggestionView[], 'not_found'> {
  const source = wb.state.get('sources', sourceId);
  if (!source) return fail('not_found', `No source with id ${sourceId}.`);
  const text = wb.store.texts.get(source.contentHash);
  if (text === null) return fail('not_found', `The text of "${source.meta.title}" is missing or damaged in the workspace.`);
  // Keys are stored folded; folding them again keeps keys stored by an older fold table matching the new one.
  const dismissed = new Set((source.dismissedSuggestions ?? []).map(foldForMatch));
  const known = wb.state.all('entities').map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, type: e.type }));
  return ok(suggestEntities(text, known)
    .filter((sg) => !dismissed.has(foldForMatch(sg.name)))
    .map((sg) => ({
      name: sg.name, type: sg.type, mentions: sg.mentions,
      occurrences: sg.occurrences.map((o) => ({ start: o.start, end: o.end })),
      variants: [...sg.variants], matchesEntityId: sg.matchesEntityId, confidence: sg.confidence,
    })));
}

/** Remembers (undoably) that the analyst does not want `name` suggested for this source again. */
export function dismissSuggestion(wb: Workbench, sourceId: string, name: string): ServiceResult<{ dismissed: string[] }, 'not_found'> {
  return wb.run(`Dismiss suggestion “${name}”`, (s) => {
    const source = s.get('sources', sourceId);
    if (!source) return fail('not_found', `No source with id ${sourceId}.`);
    const key = foldForMatch(name);
    const current = source.dismissedSuggestions ?? [];
    if (current.includes(key)) return ok({ ops: [], value: { dismissed: current } });
    const dismissed = [...current, key];
    return ok({ ops: [{ t: 'put', c: 'sources', v: { ...source, dismissedSuggestions: dismissed, updatedAt: now() } }], value: { dismissed } });
  });
}
