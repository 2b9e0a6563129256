/** Auto-draft: plans a first dossier about subject entities from what the workspace holds (pure; ids injected). */
import type { DossierBlock, DossierSection, Entity, Highlight } from '../domain/types';
import { err, ok, type Result } from '../domain/result';
import { describeGrade } from './admiralty';
import { escMarkdown } from './escape';
import { dateInWords } from './dates';
import type { DossierData } from './model';
import { claimGrade, claimsConcerning, compareClaims, compareDates, neighbourIds, relationshipsTouching } from './scope';

export interface DraftPlan {
  title: string;
  sections: DossierSection[];
}

/** "Türkiye" for one subject, "Türkiye–Kazakhstan relations" for two, "A, B and C" for more. */
export function draftTitle(names: readonly string[]): string {
  if (names.length === 2) return `${names[0]}–${names[1]} relations`;
  if (names.length > 2) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return names[0] ?? 'Dossier';
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
/** A count that opens a sentence: spelled out up to ten ("One relationship links …"). */
const leading = (n: number, one: string, many: string): string => `${WORDS[n] ?? n} ${n === 1 ? one : many}`;
const andList = (xs: string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** The subjects, or the ids that name no entity. */
export function findSubjects(data: DossierData, ids: readonly string[]): Result<Entity[], string[]> {
  const missing = ids.filter((id) => !data.get('entities', id));
  if (missing.length > 0) return err(missing);
  return ok([...new Set(ids)].map((id) => data.get('entities', id)!));
}

export function planDraft(data: DossierData, subjectIds: readonly string[], newId: () => string, title?: string): Result<DraftPlan, string[]> {
  const found = findSubjects(data, subjectIds);
  if (!found.ok) return found;
  const subjects = found.value;
  const ids = subjects.map((s) => s.id);
  const subjectSet = new Set(ids);
  const block = (kind: DossierBlock['kind'], refId: string | null = null, text = ''): DossierBlock => ({ id: newId(), kind, text, refId });

  const claims = claimsConcerning(data, ids).sort(compareClaims(data));
  const between = (r: { fromId: string; toId: string }) => subjectSet.has(r.fromId) && subjectSet.has(r.toId);
  const rels = relationshipsTouching(data, ids).sort((a, b) =>
    Number(between(b)) - Number(between(a)) || compareDates(a.startDate, b.startDate) || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));

  // Evidence: passages linked to a subject, then every passage the chosen claims and relationships cite.
  const evidenceIds = new Set<string>();
  for (const h of data.all('highlights')) if (h.entityIds.some((e) => subjectSet.has(e))) evidenceIds.add(h.id);
  for (const c of claims) c.evidenceHighlightIds.forEach((h) => evidenceIds.add(h));
  for (const r of rels) {
    r.evidenceHighlightIds.forEach((h) => evidenceIds.add(h));
    for (const cid of r.evidenceClaimIds) data.get('claims', cid)?.evidenceHighlightIds.forEach((h) => evidenceIds.add(h));
  }
  const highlights = [...evidenceIds].flatMap((id) => data.get('highlights', id) ?? []).sort(byPlace(data));

  const sections: DossierSection[] = [];
  const section = (name: string, blocks: DossierBlock[]) => {
    if (blocks.length > 0) sections.push({ id: newId(), title: name, blocks });
  };
  section('Summary', [block('text', null, summaryText(data, subjects, claims, rels, highlights, between))]);
  section('Key claims', claims.map((c) => block('claim', c.id)));
  section('Relationships', rels.map((r) => block('relationship', r.id)));
  section('Evidence', highlights.map((h) => block('quote', h.id)));
  const dated = claims.some((c) => c.claimedAt) || rels.some((r) => r.startDate || r.endDate);
  section('Timeline', dated ? [block('timeline')] : []);
  section('Graph', rels.length > 0 ? [block('graph')] : []);
  const related = neighbourIds(data, ids).map((id) => data.get('entities', id)!).sort((a, b) => a.name.localeCompare(b.name));
  section('Entities', [...subjects, ...related].map((e) => block('entity', e.id)));
  return ok({ title: title?.trim() || draftTitle(subjects.map((s) => s.name)), sections });
}

/** Passages in reading order: by source (oldest import first), then by position. */
function byPlace(data: DossierData) {
  return (a: Highlight, b: Highlight): number => {
    const sa = data.get('sources', a.sourceId)?.createdAt ?? '';
    const sb = data.get('sources', b.sourceId)?.createdAt ?? '';
    return sa.localeCompare(sb) || a.sourceId.localeCompare(b.sourceId) || a.position.start - b.position.start;
  };
}

function summaryText(
  data: DossierData, subjects: Entity[], claims: ReturnType<typeof claimsConcerning>, rels: ReturnType<typeof relationshipsTouching>,
  highlights: Highlight[], between: (r: { fromId: string; toId: string }) => boolean,
): string {
  const names = andList(subjects.map((s) => `**${escMarkdown(s.name)}**`));
  const sourceCount = new Set(highlights.map((h) => h.sourceId)).size;
  const dates = [...claims.map((c) => c.claimedAt), ...rels.flatMap((r) => [r.startDate, r.endDate])].filter(Boolean).sort(compareDates).map(dateInWords);
  const span = dates.length === 0 ? '' : dates[0] === dates[dates.length - 1] ? `, dated ${dates[0]}` : `, dated ${dates[0]} to ${dates[dates.length - 1]}`;
  const parts = [
    `This dossier gathers what the workspace holds on ${names}: ${plural(claims.length, 'claim')}, ` +
    `${plural(rels.length, 'relationship')} and ${plural(highlights.length, 'quoted passage')} from ${plural(sourceCount, 'source')}${span}.`,
  ];
  const best = claims[0];
  if (best) {
    const g = claimGrade(data, best);
    parts.push(`The best-graded claim is ${g.grade} (${describeGrade(g.reliability, best.credibility).toLowerCase()}): “${escMarkdown(best.statement.replace(/[.\s]+$/, ''))}”.`);
  }
  const unsupported = claims.filter((c) => c.evidenceHighlightIds.length === 0).length;
  if (unsupported > 0) parts.push(`${leading(unsupported, 'claim cites', 'claims cite')} no passage and cannot be graded above F.`);
  const direct = rels.filter(between).length;
  if (subjects.length > 1) parts.push(`${leading(direct, 'relationship links', 'relationships link')} the subjects directly.`);
  return parts.join(' ');
}
