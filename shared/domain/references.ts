/** Which record ids a claim, relationship or dossier refers to: the basis of the reverse-reference index. */
import type { AchMatrix, Claim, Dossier, Relationship } from './types';

export const REFERRING_COLLECTIONS = ['claims', 'relationships', 'dossiers', 'matrices'] as const;
export type ReferringCollection = (typeof REFERRING_COLLECTIONS)[number];

type Referring = { claims: Claim; relationships: Relationship; dossiers: Dossier; matrices: AchMatrix };

export function referencesOf<C extends ReferringCollection>(c: C, v: Referring[C]): string[] {
  switch (c) {
    case 'claims': {
      const x = v as Claim;
      return [...x.evidenceHighlightIds, ...x.aboutEntityIds, ...x.supports, ...x.contradicts, ...(x.claimantId ? [x.claimantId] : [])];
    }
    case 'relationships': {
      const x = v as Relationship;
      return [x.fromId, x.toId, ...x.evidenceHighlightIds, ...x.evidenceClaimIds];
    }
    case 'matrices':
      return (v as AchMatrix).evidence.map((e) => e.refId);
    default: {
      const x = v as Dossier;
      const refs = x.subjectIds.slice();
      for (const sec of x.sections) for (const b of sec.blocks) if (b.refId) refs.push(b.refId);
      return refs;
    }
  }
}
