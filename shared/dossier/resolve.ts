/** Resolves a dossier against the workspace: records looked up, grades computed, passages numbered as notes. */
import type { Claim, Dossier, DossierBlock, Relationship } from '../domain/types';
import { isSymmetricType, relationshipLabel } from '../domain/analysis/vocabulary';
import { achFacts } from './ach-facts';
import { CitationRegistry } from './citations';
import { dateInWords, dateRange } from './dates';
import type {
  BibliographyEntry, ClaimFacts, DossierData, GraphEdgeFacts, GraphNodeFacts, RelationshipFacts, ResolvedBlock,
  ResolvedDossier, TimelineEvent,
} from './model';
import { claimGrade, claimsConcerning, compareDates, relationshipsTouching } from './scope';

export interface ResolveOptions {
  /** Export time shown on the cover (ISO). */
  generatedAt: string;
  /** Most nodes a graph figure shows (subjects always included). */
  graphNodeLimit?: number;
  /** Most relationships an entity card lists. */
  cardRelationshipLimit?: number;
}

const KIND_RECORD = { claim: 'claim', quote: 'passage', relationship: 'relationship', entity: 'entity', ach: 'ACH matrix' } as const;

class Resolver {
  readonly notes: CitationRegistry;
  readonly used: ResolvedDossier['used'] = {
    entities: new Set(), claims: new Set(), relationships: new Set(), highlights: new Set(), sources: new Set(),
  };

  constructor(private readonly data: DossierData, private readonly dossier: Dossier, private readonly opts: ResolveOptions) {
    this.notes = new CitationRegistry(data);
  }

  name(id: string | null): string {
    if (id === null) return '';
    const e = this.data.get('entities', id);
    if (!e) return '[missing entity]';
    this.used.entities.add(id);
    return e.name;
  }

  cite(highlightId: string) {
    const q = this.notes.cite(highlightId);
    const h = this.data.get('highlights', highlightId);
    if (h) {
      this.used.highlights.add(h.id);
      if (this.data.get('sources', h.sourceId)) this.used.sources.add(h.sourceId);
    }
    return q;
  }

  claimFacts(c: Claim): ClaimFacts {
    this.used.claims.add(c.id);
    const { grade, reliability } = claimGrade(this.data, c);
    return {
      claim: c,
      claimantName: c.claimantId === null ? null : this.name(c.claimantId),
      aboutNames: c.aboutEntityIds.map((id) => this.name(id)),
      grade, reliability, credibility: c.credibility,
      evidence: c.evidenceHighlightIds.map((h) => this.cite(h)),
    };
  }

  relationshipFacts(r: Relationship): RelationshipFacts {
    this.used.relationships.add(r.id);
    const evidenceClaims = r.evidenceClaimIds.flatMap((id) => {
      const c = this.data.get('claims', id);
      if (!c) return [];
      const facts = this.claimFacts(c);
      return [{ id, statement: c.statement, grade: facts.grade, notes: facts.evidence.flatMap((e) => (e.note === null ? [] : [e.note])) }];
    });
    return {
      relationship: r,
      fromName: this.name(r.fromId),
      toName: this.name(r.toId),
      label: relationshipLabel(r.type),
      dates: dateRange(r.startDate, r.endDate),
      evidence: r.evidenceHighlightIds.map((h) => this.cite(h)),
      evidenceClaims,
    };
  }

  /** Entities a graph or timeline block is about: its own entity, else the dossier's subjects. */
  focusOf(b: DossierBlock): string[] {
    const ids = b.refId ? [b.refId] : this.dossier.subjectIds;
    return ids.filter((id) => this.data.get('entities', id) !== undefined);
  }

  /** Without a focus, the relationships and claims the dossier's own blocks reference. */
  referenced(kind: 'relationship' | 'claim'): string[] {
    return this.dossier.sections.flatMap((s) => s.blocks.filter((b) => b.kind === kind && b.refId).map((b) => b.refId!));
  }

  scopeRelationships(b: DossierBlock): Relationship[] {
    const focus = this.focusOf(b);
    if (focus.length > 0) return relationshipsTouching(this.data, focus);
    return this.referenced('relationship').flatMap((id) => this.data.get('relationships', id) ?? []);
  }

  scopeClaims(b: DossierBlock): Claim[] {
    const focus = this.focusOf(b);
    if (focus.length > 0) return claimsConcerning(this.data, focus);
    return this.referenced('claim').flatMap((id) => this.data.get('claims', id) ?? []);
  }

  graph(b: DossierBlock): ResolvedBlock {
    const focus = new Set(this.focusOf(b));
    const rels = this.scopeRelationships(b).filter((r) => this.data.get('entities', r.fromId) && this.data.get('entities', r.toId));
    const degree = new Map<string, number>();
    for (const id of focus) degree.set(id, 0);
    for (const r of rels) for (const id of [r.fromId, r.toId]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const limit = Math.max(this.opts.graphNodeLimit ?? 24, focus.size);
    // Subjects first, in the dossier's order; then the best-connected entities.
    const order = (id: string) => (focus.has(id) ? [...focus].indexOf(id) : focus.size);
    const ranked = [...degree.keys()].sort((x, y) =>
      order(x) - order(y) || (degree.get(y) ?? 0) - (degree.get(x) ?? 0) || this.name(x).localeCompare(this.name(y)));
    const kept = new Set(ranked.slice(0, limit));
    const nodes: GraphNodeFacts[] = [...kept].map((id) => {
      const e = this.data.get('entities', id)!;
      this.used.entities.add(id);
      return { id, name: e.name, type: e.type, focus: focus.has(id) };
    });
    // Every relationship among the entities shown, not only those touching the subjects: the context matters.
    const among = this.data.all('relationships').filter((r) => kept.has(r.fromId) && kept.has(r.toId));
    const edges: GraphEdgeFacts[] = (focus.size > 0 ? among : rels.filter((r) => kept.has(r.fromId) && kept.has(r.toId))).map((r) => {
      this.used.relationships.add(r.id);
      return { id: r.id, from: r.fromId, to: r.toId, label: relationshipLabel(r.type), symmetric: isSymmetricType(r.type) };
    });
    return { kind: 'graph', id: b.id, nodes, edges, hiddenNodes: degree.size - kept.size };
  }

  timeline(b: DossierBlock): ResolvedBlock {
    const events: TimelineEvent[] = [];
    for (const c of this.scopeClaims(b).filter((c) => c.claimedAt)) {
      const f = this.claimFacts(c);
      const who = f.claimantName ? `${f.claimantName}: ` : '';
      events.push({ date: c.claimedAt, when: dateInWords(c.claimedAt), kind: 'claim', text: `${who}${c.statement}`, grade: f.grade, notes: notesOf(f.evidence) });
    }
    for (const r of this.scopeRelationships(b).filter((r) => r.startDate || r.endDate)) {
      const f = this.relationshipFacts(r);
      const until = r.startDate && r.endDate && r.endDate !== r.startDate ? ` (until ${dateInWords(r.endDate)})` : '';
      const date = r.startDate || r.endDate;
      // Only an end known: the event stands at its end, said as "until …" like the relationship's own span.
      const when = r.startDate ? dateInWords(date) : dateRange('', date);
      events.push({ date, when, kind: 'relationship', text: `${f.fromName} ${f.label} ${f.toName}${until}`, grade: null, notes: notesOf(f.evidence) });
    }
    events.sort((x, y) => compareDates(x.date, y.date) || x.kind.localeCompare(y.kind) || (x.grade ?? '').localeCompare(y.grade ?? '') || x.text.localeCompare(y.text));
    return { kind: 'timeline', id: b.id, events };
  }

  entityCard(b: DossierBlock, id: string): ResolvedBlock | null {
    const entity = this.data.get('entities', id);
    if (!entity) return null;
    this.used.entities.add(id);
    const rels = relationshipsTouching(this.data, [id])
      .sort((x, y) => compareDates(x.startDate, y.startDate) || x.type.localeCompare(y.type));
    const limit = this.opts.cardRelationshipLimit ?? 8;
    return {
      kind: 'entity', id: b.id, entity,
      relationships: rels.slice(0, limit).map((r) => {
        this.used.relationships.add(r.id);
        const outgoing = r.fromId === id;
        return { label: relationshipLabel(r.type), otherName: this.name(outgoing ? r.toId : r.fromId), outgoing, dates: dateRange(r.startDate, r.endDate) };
      }),
      moreRelationships: Math.max(0, rels.length - limit),
    };
  }

  block(b: DossierBlock): ResolvedBlock {
    switch (b.kind) {
      case 'text': return { kind: 'text', id: b.id, markdown: b.text };
      case 'graph': return this.graph(b);
      case 'timeline': return this.timeline(b);
      default: break;
    }
    const found = b.refId === null ? null : this.refBlock(b, b.refId);
    return found ?? { kind: 'missing', id: b.id, blockKind: b.kind, refId: b.refId, what: `${KIND_RECORD[b.kind]} ${b.refId ?? '(none chosen)'}` };
  }

  private refBlock(b: DossierBlock, refId: string): ResolvedBlock | null {
    if (b.kind === 'claim') {
      const c = this.data.get('claims', refId);
      return c ? { kind: 'claim', id: b.id, facts: this.claimFacts(c) } : null;
    }
    if (b.kind === 'relationship') {
      const r = this.data.get('relationships', refId);
      return r ? { kind: 'relationship', id: b.id, facts: this.relationshipFacts(r) } : null;
    }
    if (b.kind === 'ach') {
      const m = this.data.get('matrices', refId);
      if (!m) return null;
      return { kind: 'ach', id: b.id, facts: achFacts({ data: this.data, cite: (h) => this.cite(h), useClaim: (id) => this.used.claims.add(id) }, m) };
    }
    if (b.kind === 'quote') {
      const h = this.data.get('highlights', refId);
      return h ? { kind: 'quote', id: b.id, highlight: h, evidence: this.cite(h.id), entityNames: h.entityIds.map((e) => this.name(e)) } : null;
    }
    return this.entityCard(b, refId);
  }
}

const notesOf = (evidence: Array<{ note: number | null }>): number[] => evidence.flatMap((e) => (e.note === null ? [] : [e.note]));

export function resolveDossier(dossier: Dossier, data: DossierData, opts: ResolveOptions): ResolvedDossier {
  const r = new Resolver(data, dossier, opts);
  const subjects = dossier.subjectIds.flatMap((id) => data.get('entities', id) ?? []);
  for (const s of subjects) r.used.entities.add(s.id);
  const sections = dossier.sections.map((s, i) => ({ id: s.id, title: s.title, anchor: `s-${i + 1}`, blocks: s.blocks.map((b) => r.block(b)) }));
  const bySource = new Map<string, BibliographyEntry>();
  for (const c of r.notes.citations) {
    if (!c.source) continue;
    const entry = bySource.get(c.sourceId) ?? { source: c.source, notes: [] };
    entry.notes.push(c.n);
    bySource.set(c.sourceId, entry);
  }
  return {
    dossier,
    subjects,
    missingSubjectIds: dossier.subjectIds.filter((id) => !data.get('entities', id)),
    sections,
    citations: r.notes.citations,
    bibliography: [...bySource.values()],
    used: r.used,
    generatedAt: opts.generatedAt,
  };
}
