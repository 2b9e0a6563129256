/** The JSON export: the dossier with every record it references resolved, and its numbered notes. */
import type { AchMatrix, Claim, Entity, Highlight, Relationship, Source } from '../domain/types';
import type { DossierData, ResolvedDossier } from './model';
import { claimGrade } from './scope';
import { captureNote } from './capture-line';
import { dateInWords, dateRange } from './dates';

export const DOSSIER_JSON_FORMAT = 'analyst-workbench-dossier';

export interface DossierJson {
  format: typeof DOSSIER_JSON_FORMAT;
  version: 1;
  exportedAt: string;
  dossier: ResolvedDossier['dossier'];
  subjects: Entity[];
  entities: Entity[];
  /** claimedAtInWords: the stored date ("<2019") as printed ("before 2019"), when dated; added after version 1 was first written. */
  claims: Array<Claim & { grade: string; claimedAtInWords?: string }>;
  /** datesInWords: the span as printed ("about 2015 – before 2019"), when dated; added after version 1 was first written. */
  relationships: Array<Relationship & { datesInWords?: string }>;
  highlights: Highlight[];
  sources: Source[];
  /**
   * ACH matrices shown in 'ach' blocks: the stored matrix with each evidence row's grade, weight and diagnosticity, and
   * each hypothesis's weighted inconsistency and rank (lower is more likely). Added after version 1 was first written:
   * readers of older exports should treat it as optional.
   */
  matrices?: Array<AchMatrix & {
    rows: Array<{ evidenceId: string; grade: string; weight: number; diagnostic: boolean; notes: number[] }>;
    scores: Array<{ hypothesisId: string; inconsistency: number; rank: number }>;
    leader: string;
  }>;
  notes: Array<{
    n: number; highlightId: string; sourceId: string; paragraph: number | null; start: number; end: number; location: string; exact: string;
    /** The first and last page of a passage in a paged PDF source ([12, 12] for one page). */
    pages?: [number, number];
    /** An area highlight: its page (its rect and image are on the highlight record). */
    area?: { page: number };
    /** For a passage of a web capture: when, from where, which version (see capture-line.ts); the source record has the rest. */
    capture?: string;
  }>;
  /** Blocks whose record no longer exists. */
  missing: Array<{ sectionId: string; blockId: string; kind: string; refId: string | null }>;
}

const pick = <T>(ids: Set<string>, get: (id: string) => T | undefined): T[] => [...ids].sort().flatMap((id) => get(id) ?? []);

/** Each matrix once, as its first block resolved it (the facts do not depend on where the block stands). */
function matricesOf(d: ResolvedDossier): NonNullable<DossierJson['matrices']> {
  const seen = new Map<string, NonNullable<DossierJson['matrices']>[number]>();
  for (const b of d.sections.flatMap((s) => s.blocks)) {
    if (b.kind !== 'ach' || seen.has(b.facts.matrix.id)) continue;
    const f = b.facts;
    seen.set(f.matrix.id, {
      ...f.matrix,
      rows: f.rows.map((r) => ({ evidenceId: r.id, grade: r.grade, weight: r.weight, diagnostic: r.diagnostic, notes: r.evidence.flatMap((e) => (e.note === null ? [] : [e.note])) })),
      scores: f.hypotheses.map((h) => ({ hypothesisId: h.id, inconsistency: h.inconsistency, rank: h.rank })),
      leader: f.leader,
    });
  }
  return [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function renderDossierJson(d: ResolvedDossier, data: DossierData): string {
  const out: DossierJson = {
    format: DOSSIER_JSON_FORMAT,
    version: 1,
    exportedAt: d.generatedAt,
    dossier: d.dossier,
    subjects: d.subjects,
    entities: pick(d.used.entities, (id) => data.get('entities', id)),
    claims: pick(d.used.claims, (id) => data.get('claims', id))
      .map((c) => ({ ...c, grade: claimGrade(data, c).grade, ...(c.claimedAt ? { claimedAtInWords: dateInWords(c.claimedAt) } : {}) })),
    relationships: pick(d.used.relationships, (id) => data.get('relationships', id))
      .map((r) => (r.startDate || r.endDate ? { ...r, datesInWords: dateRange(r.startDate, r.endDate) } : r)),
    highlights: pick(d.used.highlights, (id) => data.get('highlights', id)),
    sources: pick(d.used.sources, (id) => data.get('sources', id)),
    matrices: matricesOf(d),
    notes: d.citations.map((c) => ({
      n: c.n, highlightId: c.highlightId, sourceId: c.sourceId, paragraph: c.paragraph, start: c.start, end: c.end, location: c.location, exact: c.exact,
      ...(c.pages ? { pages: c.pages } : {}),
      ...(c.area ? { area: { page: c.area.page } } : {}),
      ...(c.source?.capture ? { capture: captureNote(c.source) } : {}),
    })),
    missing: d.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'missing' ? [{ sectionId: s.id, blockId: b.id, kind: b.blockKind, refId: b.refId }] : []))),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
