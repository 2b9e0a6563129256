/** The workspace as FollowTheMoney entities (Aleph, OpenSanctions): people, organisations, addresses, events, documents, mentions and links. */
import type { Entity, Source } from '../domain/types';
import { bestReliability } from '../domain/analysis/grading';
import { relationshipLabel } from '../domain/analysis/vocabulary';
import { sha1Hex } from './sha1';
import { countryCodeOf } from './places';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL, entitiesMarked, indexOf, shortTitle, type ExchangeSnapshot } from './snapshot';
import { ftmLinkFor, isLocatedIn } from './ftm-links';
import { claimedWhen, ftmEndDate, ftmStartDate, isQualified, spanInWords } from './qualified-bounds';

/** One FtM entity as `ftm` tooling reads it: every property value is a list of strings. */
export interface FtmEntity { id: string; schema: string; properties: Record<string, string[]> }

/** Tag name (folded) that makes an organisation a Company; a legal-form suffix in its name does too. */
export const COMPANY_TAG = 'company';
const LEGAL_FORM = /(?:^|\s)(?:llc|ltd|limited|inc|corp|corporation|plc|gmbh|ag|sa|s\.a\.|jsc|pjsc|ojsc|llp|a\.ş\.|aş|too|тоо|ао|пао|ооо)\.?$/i;

const MIME: Record<Source['kind'], string> = { text: 'text/plain', markdown: 'text/markdown', html: 'text/html', pdf: 'application/pdf' };
const EXTENSION: Record<Source['kind'], string> = { text: 'txt', markdown: 'md', html: 'html', pdf: 'pdf' };
/** ISO 639-1 → the ISO 639-3 codes FtM's language type holds; other languages are left out rather than guessed. */
const LANGUAGE: Record<string, string> = {
  en: 'eng', ru: 'rus', kk: 'kaz', tr: 'tur', uz: 'uzb', ky: 'kir', tg: 'tgk', tk: 'tuk', az: 'aze', de: 'deu', fr: 'fra', es: 'spa',
  it: 'ita', zh: 'zho', ar: 'ara', fa: 'fas', uk: 'ukr', be: 'bel', ka: 'kat', hy: 'hye', mn: 'mon', pl: 'pol', nl: 'nld', pt: 'por', ja: 'jpn', ko: 'kor',
};
const isDate = (d: string) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d);
const isUrl = (u: string) => /^https?:\/\/\S+$/i.test(u);

/** Builds the entities; pure (ids are SHA-1 of workspace id, kind and record id). */
export function buildFtmEntities(snapshot: ExchangeSnapshot): FtmEntity[] {
  const ws = snapshot.workspaceId;
  const ix = indexOf(snapshot);
  const idOf = (kind: string, ...ids: string[]) => sha1Hex(`${ws}/ftm/${kind}/${ids.join('/')}`);
  const out = new Map<string, FtmEntity>();
  const make = (id: string, schema: string): FtmEntity => {
    const e = { id, schema, properties: {} };
    out.set(id, e);
    return e;
  };
  const add = (e: FtmEntity, prop: string, ...values: (string | undefined | null)[]) => {
    for (const v of values) {
      const s = v?.trim();
      if (!s) continue;
      const list = (e.properties[prop] ??= []);
      if (!list.includes(s)) list.push(s);
    }
  };

  const docOf = new Map<string, FtmEntity>();
  for (const s of snapshot.records.sources) {
    const doc = make(idOf('source', s.id), 'Document');
    const title = s.meta.title.trim() || s.fileName || `Source ${s.id}`;
    add(doc, 'name', title);
    add(doc, 'title', title);
    add(doc, 'fileName', s.fileName || `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim().slice(0, 100)}.${EXTENSION[s.kind]}`);
    add(doc, 'mimeType', MIME[s.kind]);
    add(doc, 'author', ...s.meta.authors);
    add(doc, 'publisher', s.meta.publisher);
    if (isDate(s.meta.publishedAt)) add(doc, 'publishedAt', s.meta.publishedAt);
    if (isUrl(s.meta.url)) add(doc, 'sourceUrl', s.meta.url);
    add(doc, 'language', LANGUAGE[s.meta.language.trim().toLowerCase().slice(0, 2)]);
    add(doc, 'bodyText', snapshot.textOf(s.contentHash));
    add(doc, 'notes', `Admiralty source reliability ${s.reliability} (${RELIABILITY_LABEL[s.reliability]}).`);
    docOf.set(s.id, doc);
  }

  const companies = entitiesMarked(snapshot, COMPANY_TAG);
  const schemaFor = (e: Entity): string | null =>
    e.type === 'person' ? 'Person'
      : e.type === 'organisation' ? (companies.has(e.id) || LEGAL_FORM.test(e.name.trim()) ? 'Company' : 'Organization')
        : e.type === 'place' ? 'Address' : e.type === 'event' ? 'Event' : null; // "other" has no FtM schema: left out
  const ftmOf = new Map<string, FtmEntity>();
  for (const e of snapshot.records.entities) {
    const schema = schemaFor(e);
    if (!schema) continue;
    const f = make(idOf('entity', e.id), schema);
    add(f, 'name', e.name);
    add(f, 'alias', ...e.aliases);
    add(f, 'description', e.description);
    if (schema === 'Address') {
      add(f, 'full', e.name);
      add(f, 'country', countryCodeOf([e.name, ...e.aliases])?.toLowerCase());
    }
    ftmOf.set(e.id, f);
  }

  // Places the analyst related things to ("located in") become properties of the thing, not intervals.
  const linkRecords = snapshot.records.relationships.filter((r) => ftmOf.has(r.fromId) && ftmOf.has(r.toId));
  for (const r of linkRecords) {
    const from = ftmOf.get(r.fromId)!;
    const to = ftmOf.get(r.toId)!;
    if (!isLocatedIn(r.type) || to.schema !== 'Address') continue;
    const country = to.properties['country'] ?? [];
    if (from.schema === 'Event') add(from, 'location', to.properties['name']![0]);
    else add(from, 'addressEntity', to.id);
    add(from, 'country', ...country);
  }

  // Documents as proof of what their passages mention; people and organisations get Mentions, places and events Documentation.
  const mentioned = new Set<string>();
  for (const h of snapshot.records.highlights) {
    const doc = docOf.get(h.sourceId);
    if (!doc) continue;
    for (const eid of h.entityIds) {
      const f = ftmOf.get(eid);
      if (!f) continue;
      add(f, 'proof', doc.id);
      const key = `${h.sourceId}/${eid}`;
      if (mentioned.has(key)) continue;
      mentioned.add(key);
      if (f.schema === 'Address' || f.schema === 'Event') {
        const d = make(idOf('documentation', h.sourceId, eid), 'Documentation');
        add(d, 'document', doc.id);
        add(d, 'entity', f.id);
        add(d, 'role', 'mentioned');
      } else {
        const m = make(idOf('mention', h.sourceId, eid), 'Mention');
        add(m, 'document', doc.id);
        add(m, 'resolved', f.id);
        add(m, 'name', f.properties['name']![0]);
        add(m, 'detectedSchema', f.schema);
      }
    }
    const note = make(idOf('highlight', h.id), 'Note');
    const quote = h.area ? `[figure or table on page ${h.area.page}]` : h.quote.exact;
    add(note, 'name', shortTitle(h.note.trim() || quote));
    add(note, 'description', h.note.trim() ? `${quote}\n\n${h.note.trim()}` : quote);
    add(note, 'entity', ...h.entityIds.map((e) => ftmOf.get(e)?.id));
    add(note, 'proof', doc.id);
    add(note, 'keywords', ...h.tagIds.map(ix.tagPath));
  }

  for (const c of snapshot.records.claims) {
    const evidence = c.evidenceHighlightIds.map((h) => ix.highlight.get(h)).filter((h) => h !== undefined);
    const sources = evidence.map((h) => ix.source.get(h.sourceId)).filter((s) => s !== undefined);
    const grade = `${bestReliability(sources.map((s) => s.reliability))}${c.credibility}`;
    const claimant = c.claimantId ? ix.entity.get(c.claimantId)?.name : undefined;
    const note = make(idOf('claim', c.id), 'Note');
    add(note, 'name', shortTitle(c.statement));
    add(note, 'description', [c.statement, `${c.type}${claimant ? `, claimed by ${claimant}` : ''}${c.claimedAt ? ` ${claimedWhen(c.claimedAt)}` : ''}.`,
      `Admiralty grade ${grade}: credibility ${c.credibility} (${CREDIBILITY_LABEL[c.credibility]}).`].join('\n'));
    add(note, 'summary', `Admiralty grade ${grade}`);
    add(note, 'entity', ...[c.claimantId, ...c.aboutEntityIds].map((e) => (e ? ftmOf.get(e)?.id : undefined)));
    add(note, 'proof', ...sources.map((s) => docOf.get(s.id)?.id));
    add(note, 'keywords', 'claim', c.type);
  }

  for (const r of linkRecords) {
    const from = ftmOf.get(r.fromId)!;
    const to = ftmOf.get(r.toId)!;
    if (isLocatedIn(r.type) && to.schema === 'Address') continue;
    const { choice, reversed } = ftmLinkFor(r.type, from.schema, to.schema);
    const link = make(idOf('relationship', r.id), choice.schema);
    add(link, choice.from, (reversed ? to : from).id);
    add(link, choice.to, (reversed ? from : to).id);
    add(link, choice.label, relationshipLabel(r.type));
    // FtM dates have no qualifier: the bounds a qualified date allows, at its precision; its words go in the description.
    add(link, 'startDate', ftmStartDate(r.startDate));
    add(link, 'endDate', ftmEndDate(r.endDate));
    const evidence = r.evidenceHighlightIds.map((h) => ix.highlight.get(h)).filter((h) => h !== undefined);
    const dated = isQualified(r.startDate, r.endDate) ? `Dated ${spanInWords(r.startDate, r.endDate)}.` : '';
    add(link, 'description', [r.note.trim(), dated, ...evidence.map((h) => `“${h.quote.exact}”`)].filter(Boolean).join('\n'));
    add(link, 'summary', `confidence ${Math.round(r.confidence * 100)}%`);
    const sources = evidence.map((h) => ix.source.get(h.sourceId)).filter((s) => s !== undefined);
    add(link, 'sourceUrl', ...sources.map((s) => (isUrl(s.meta.url) ? s.meta.url : undefined)));
    add(link, 'publisher', ...sources.map((s) => s.meta.publisher));
    // An event records who took part (LegalEntity range) besides the link itself.
    for (const [ev, other] of [[from, to], [to, from]] as const) {
      if (ev.schema === 'Event' && ['Person', 'Organization', 'Company'].includes(other.schema)) add(ev, 'involved', other.id);
    }
  }
  return [...out.values()];
}

/** JSON lines, one entity a line, as `ftm` and Aleph's bulk loaders read them. */
export const ftmJsonLines = (entities: readonly FtmEntity[]): string => entities.map((e) => JSON.stringify(e)).join('\n') + (entities.length ? '\n' : '');
