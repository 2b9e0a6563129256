/** The reader's analysis dialogs (claim, relationship, entity suggestions), opened from the toolbar, panel and header. */
import { Button } from '@mantine/core';
import { useCallback, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { Highlight, Source } from '../../../../../shared/domain/types';
import { useEntities } from '../../../api/analysisHooks';
import { entitiesMentioned } from '../mentionedEntities';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { IconSparkles } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { ClaimDialog } from '../../analysis/ClaimDialog/ClaimDialog';
import { PARTIAL_DATE, type ClaimSeed } from '../../analysis/ClaimDialog/claimDraft';
import type { EvidenceDraft } from '../../analysis/EvidenceList/EvidenceList';
import { RelationshipDialog, type RelationshipSeed } from '../../analysis/RelationshipDialog/RelationshipDialog';
import { SuggestionsDrawer } from '../../entities/SuggestionsDrawer/SuggestionsDrawer';
import { useRangeFlash } from './useRangeFlash';

type Dialog = { kind: 'claim'; seed: ClaimSeed } | { kind: 'relate'; seed: RelationshipSeed } | null;

export interface ReaderAnalysis {
  openClaim: (highlight: Highlight) => void;
  openRelate: (highlight: Highlight) => void;
  revealRange: (range: TextRange) => void;
  /** The "Suggest entities" button for the reader header. */
  headerAction: ReactNode;
  /** Dialogs and the suggestions drawer, rendered once by the reader. */
  overlays: ReactNode;
}

export function useReaderAnalysis(source: Source | undefined, textRef: RefObject<HTMLElement | null>, ensureRendered: (offset: number) => void): ReaderAnalysis {
  const { data: entities = [] } = useEntities();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [suggestionsOpen, setSuggestionsOpen] = useState(false);
  const revealRange = useRangeFlash(textRef, ensureRendered);

  const evidenceOf = useCallback((h: Highlight): EvidenceDraft => ({
    highlightId: h.id, sourceId: h.sourceId, sourceTitle: source?.meta.title ?? '', exact: h.quote.exact,
  }), [source]);

  const openClaim = useCallback((h: Highlight) => {
    const published = source?.meta.publishedAt ?? '';
    const mentioned = entitiesMentioned(h.quote.exact, entities);
    setDialog({ kind: 'claim', seed: {
      evidence: [evidenceOf(h)], statement: h.quote.exact, aboutEntityIds: mentioned.map((e) => e.id),
      claimedAt: PARTIAL_DATE.test(published) ? published : '',
    } });
  }, [entities, evidenceOf, source]);

  const openRelate = useCallback((h: Highlight) => {
    // Two named entities in the passage are a fair guess at both ends; one is not enough to pick a direction.
    const [first, second] = entitiesMentioned(h.quote.exact, entities);
    setDialog({ kind: 'relate', seed: { evidence: [evidenceOf(h)], fromId: second ? first?.id : null, toId: second?.id ?? null } });
  }, [entities, evidenceOf]);

  // Kept as the same elements while nothing of theirs changes: React then skips them when a highlight edit
  // re-renders the reader (the header is memoised; the dialogs are closed but not free to render).
  const headerAction = useMemo(() => (
    <Button variant="default" size="sm" leftSection={<IconSparkles size={14} />} onClick={() => setSuggestionsOpen((o) => !o)} data-testid="suggest-entities">
      Suggest entities
    </Button>
  ), []);
  const overlays = useMemo(() => {
    const close = () => setDialog(null);
    return (
      <>
        <ClaimDialog opened={dialog?.kind === 'claim'} onClose={close} seed={dialog?.kind === 'claim' ? dialog.seed : undefined} />
        <RelationshipDialog opened={dialog?.kind === 'relate'} onClose={close} seed={dialog?.kind === 'relate' ? dialog.seed : undefined} />
        {source && <SuggestionsDrawer sourceId={source.id} opened={suggestionsOpen} onClose={() => setSuggestionsOpen(false)} onReveal={revealRange} />}
      </>
    );
  }, [dialog, source, suggestionsOpen, revealRange]);
  return { openClaim, openRelate, revealRange, headerAction, overlays };
}
