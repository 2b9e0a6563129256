/** Suggested claims on a real temp workspace: nothing stored until accepted; accepting is one undoable step. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, snapshotOf, unwrap } from '../../../tests/support/analysis-fixture';
import { acceptClaimSuggestion, dismissClaimSuggestion, suggestClaimsForSource } from './claim-suggestions';
import { createEntity } from './entities';
import { openSource } from './sources';
import { Workbench } from './workbench';

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

  it('accepting links the claimant to the new highlight and stops offering it, in the same step that undo removes', async () => {
    const { wb, report } = await analysisFixture();
    const suggestion = unwrap(suggestClaimsForSource(wb, report.id)).find((c) => c.claimant?.name.includes('Tokayev'))!;
    const accepted = unwrap(acceptClaimSuggestion(wb, { sourceId: report.id, key: suggestion.key }));
    expect(wb.state.get('highlights', accepted.highlightId)?.entityIds).toEqual([accepted.claimantId]);
    // Accepted: no longer offered (without being dismissed), and offered again once undo removes the claim.
    expect(unwrap(suggestClaimsForSource(wb, report.id)).map((c) => c.key)).not.toContain(suggestion.key);
    expect(wb.state.get('sources', report.id)?.dismissedClaimSuggestions).toBeUndefined();
    unwrap(wb.step('undo'));
    expect(wb.state.get('highlights', accepted.highlightId)).toBeUndefined();
    expect(unwrap(suggestClaimsForSource(wb, report.id)).map((c) => c.key)).toContain(suggestion.key);
  });

  it('a dismissed suggestion stays dismissed on the source (also after reopening the workspace); undo brings it back', async () => {
    const { wb, report, dir } = await analysisFixture();
    const suggestion = unwrap(suggestClaimsForSource(wb, report.id)).find((c) => c.claimant?.name.includes('Tokayev'))!;
    const before = snapshotOf(wb);
    expect(unwrap(dismissClaimSuggestion(wb, report.id, suggestion.key)).dismissed).toEqual([suggestion.key]);
    expect(wb.state.get('sources', report.id)?.dismissedClaimSuggestions).toEqual([suggestion.key]);
    expect(unwrap(suggestClaimsForSource(wb, report.id)).map((c) => c.key)).not.toContain(suggestion.key);
    // A dismissed suggestion cannot be accepted behind the list's back.
    const hidden = acceptClaimSuggestion(wb, { sourceId: report.id, key: suggestion.key });
    expect(hidden.ok ? null : hidden.error.code).toBe('conflict');
    // Dismissing twice changes nothing and adds no undo step.
    unwrap(dismissClaimSuggestion(wb, report.id, suggestion.key));
    unwrap(wb.step('undo'));
    expect(snapshotOf(wb)).toBe(before);
    expect(unwrap(suggestClaimsForSource(wb, report.id)).map((c) => c.key)).toContain(suggestion.key);
    unwrap(wb.step('redo'));
    expect(dismissClaimSuggestion(wb, 'missing', '1:2').ok).toBe(false);
    await wb.close();
    const reopened = await Workbench.open(dir);
    try {
      expect(unwrap(suggestClaimsForSource(reopened, report.id)).map((c) => c.key)).not.toContain(suggestion.key);
    } finally {
      await reopened.close();
    }
  });
});
