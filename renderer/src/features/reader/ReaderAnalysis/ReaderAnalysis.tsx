/** The reader's analysis dialogs (claim, relationship, entity suggestions), opened from the toolbar, panel and header. */
import { Button } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { Highlight, Source } from '../../../../../shared/domain/types';
import { analysisQueries } from '../../../api/analysisHooks';
import { useQuery } from '../../../api/hooks';
import { entitiesMentioned } from '../mentionedEntities';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { IconSparkles } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { PARTIAL_DATE, type ClaimSeed } from '../../analysis/ClaimDialog/claimDraft';
import type { EvidenceDraft } from '../../analysis/EvidenceList/EvidenceList';
import type { RelationshipSeed } from '../../analysis/RelationshipDialog/RelationshipDialog';
import { useRangeFlash } from './useRangeFlash';
import { highlightText } from '../../../../../shared/dossier/pages';

// Loaded on first use: a reader opened cold should not wait for (nor fetch the lists of) dialogs it may never show.
const ClaimDialog = lazy(() => import('../../analysis/ClaimDialog/ClaimDialog').then((m) => ({ default: m.ClaimDialog })));
const RelationshipDialog = lazy(() => import('../../analysis/RelationshipDialog/RelationshipDialog').then((m) => ({ default: m.RelationshipDialog })));
const SuggestionsDrawer = lazy(() => import('../../entities/SuggestionsDrawer/SuggestionsDrawer').then((m) => ({ default: m.SuggestionsDrawer })));

type Dialog = { kind: 'claim'; seed: ClaimSeed } | { kind: 'relate'; seed: RelationshipSeed } | null;
type Request = { kind: 'claim' | 'relate'; highlight: Highlight };

/**
 * True once the page has been idle after `ready`: the entity list (1.5 MB at 100k highlights) is fetched then, not
 * alongside the text the reader is painting (issue 14).
 */
function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    const id = requestIdleCallback(() => setIdle(true), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [ready, idle]);
  return idle;
}

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
  const [requested, setRequested] = useState<Request | null>(null);
  const wantEntities = useIdleAfter(source !== undefined) || requested !== null;
  const entitiesQuery = useQuery(wantEntities ? analysisQueries.entities() : null);
  const entities = entitiesQuery.data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [suggestionsOpen, setSuggestionsOpen] = useState(false);
  // Each overlay mounts on its first opening and then stays, so it keeps its closing transition.
  const [used, setUsed] = useState({ claim: false, relate: false, suggestions: false });
  const revealRange = useRangeFlash(textRef, ensureRendered);

  const evidenceOf = useCallback((h: Highlight): EvidenceDraft => ({
    highlightId: h.id, sourceId: h.sourceId, sourceTitle: source?.meta.title ?? '', exact: highlightText(h),
  }), [source]);

  // A dialog asked for before the entity list arrived opens when it does (or without guesses if it cannot load).
  const entitiesSettled = entities !== undefined || entitiesQuery.error !== null;
  useEffect(() => {
    if (!requested || !entitiesSettled) return;
    const h = requested.highlight;
    const known = entities ?? [];
    setRequested(null);
    setUsed((u) => ({ ...u, [requested.kind]: true }));
    if (requested.kind === 'claim') {
      const published = source?.meta.publishedAt ?? '';
      setDialog({ kind: 'claim', seed: {
        evidence: [evidenceOf(h)], statement: h.quote.exact, aboutEntityIds: entitiesMentioned(h.quote.exact, known).map((e) => e.id),
        claimedAt: PARTIAL_DATE.test(published) ? published : '',
      } });
    } else {
      // Two named entities in the passage are a fair guess at both ends; one is not enough to pick a direction.
      const [first, second] = entitiesMentioned(h.quote.exact, known);
      setDialog({ kind: 'relate', seed: { evidence: [evidenceOf(h)], fromId: second ? first?.id : null, toId: second?.id ?? null } });
    }
  }, [requested, entitiesSettled, entities, evidenceOf, source]);

  const openClaim = useCallback((highlight: Highlight) => setRequested({ kind: 'claim', highlight }), []);
  const openRelate = useCallback((highlight: Highlight) => setRequested({ kind: 'relate', highlight }), []);

  // Kept as the same elements while nothing of theirs changes: React then skips them when a highlight edit
  // re-renders the reader (the header is memoised; the dialogs are closed but not free to render).
  const headerAction = useMemo(() => (
    <Button variant="default" size="sm" leftSection={<IconSparkles size={14} />} onClick={() => { setUsed((u) => ({ ...u, suggestions: true })); setSuggestionsOpen((o) => !o); }} data-testid="suggest-entities">
      Suggest entities
    </Button>
  ), []);
  const overlays = useMemo(() => {
    const close = () => setDialog(null);
    return (
      <Suspense fallback={null}>
        {used.claim && <ClaimDialog opened={dialog?.kind === 'claim'} onClose={close} seed={dialog?.kind === 'claim' ? dialog.seed : undefined} />}
        {used.relate && <RelationshipDialog opened={dialog?.kind === 'relate'} onClose={close} seed={dialog?.kind === 'relate' ? dialog.seed : undefined} />}
        {source && used.suggestions && <SuggestionsDrawer sourceId={source.id} opened={suggestionsOpen} onClose={() => setSuggestionsOpen(false)} onReveal={revealRange} />}
      </Suspense>
    );
  }, [dialog, source, suggestionsOpen, revealRange, used]);
  return { openClaim, openRelate, revealRange, headerAction, overlays };
}
