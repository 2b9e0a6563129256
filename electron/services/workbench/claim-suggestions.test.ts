/** Suggested claims on a real temp workspace: nothing stored until accepted; accepting is one undoable step. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, snapshotOf, unwrap } from '../../../tests/support/analysis-fixture';
import { acceptClaimSuggestion, suggestClaimsForSource } from './claim-suggestions';
import { createEntity } from './entities';
import { openSource } from './sources';

describe('suggested claims', () => {
  it('lists the report’s reported speech with claimant, statement and exact evidence, and stores nothing', async () => {
    const { wb, report } = await analysisFixture();
    const before = snapshotOf(wb);
    const list = unwrap(suggestClaimsForSource(wb, report.id));
    const text = unwrap(openSource(wb, report.id)).text;
    const tokayev = list.find((c) => c.claimant?.name.includes('Tokayev'));
    expect(tokayev?.statement).toContain('Kazakhstan supports');
    expect(text.slice(tokayev!.evidence.start, tokayev!.evidence.end)).toBe(tokayev!.evidence.text);
    expect(snapshotOf(wb)).toBe(before);
  });

  it('accepting creates the claimant, the evidence highlight and the claim in one step that undo removes whole', async () => {
    const { wb, report } = await analysisFixture();
    const before = snapshotOf(wb);
    const suggestion = unwrap(suggestClaimsForSource(wb, report.id)).find((c) => c.claimant?.name.includes('Tokayev'))!;
    const accepted = unwrap(acceptClaimSuggestion(wb, { sourceId: report.id, key: suggestion.key, type: 'assessment' }));
    expect(accepted.createdClaimant).toBe(true);
    const claim = wb.state.get('claims', accepted.claimId)!;
    expect(claim).toMatchObject({ claimantId: accepted.claimantId, type: 'assessment', evidenceHighlightIds: [accepted.highlightId] });
    expect(wb.state.get('highlights', accepted.highlightId)?.quote.exact).toBe(suggestion.evidence.text);
    expect(wb.state.get('entities', accepted.claimantId!)?.type).toBe('person');
    unwrap(wb.step('undo'));
    expect(snapshotOf(wb)).toBe(before);
  });

  it('reuses an existing entity whose alias is the claimant’s name, and rejects an unknown key', async () => {
    const { wb, report } = await analysisFixture();
    const known = unwrap(createEntity(wb, { type: 'person', name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'], description: '' })).entity;
    const suggestion = unwrap(suggestClaimsForSource(wb, report.id)).find((c) => c.claimant?.entityId === known.id)!;
    const accepted = unwrap(acceptClaimSuggestion(wb, { sourceId: report.id, key: suggestion.key }));
    expect(accepted).toMatchObject({ claimantId: known.id, createdClaimant: false });
    const stale = acceptClaimSuggestion(wb, { sourceId: report.id, key: '0:1' });
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
    expect(suggestClaimsForSource(wb, 'missing').ok).toBe(false);
  });
});
