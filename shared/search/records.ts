/** Turns workspace records into indexed documents (a source becomes one document per passage). */
import type { Claim, Dossier, Entity, Highlight, Source } from '../domain/types';
import { chunksOf, type TextChunk } from './chunk';
import { indexedParties, partyText } from './parties';
import type { ClaimParties, DocView, IndexedDoc } from './types';
import { highlightText } from '../dossier/pages';

const LABEL_LENGTH = 100;

/** Short display text: whole words up to LABEL_LENGTH characters. */
export function shortLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= LABEL_LENGTH) return flat;
  const cut = flat.lastIndexOf(' ', LABEL_LENGTH);
  return `${flat.slice(0, cut > LABEL_LENGTH / 2 ? cut : LABEL_LENGTH)}…`;
}

export function sourceTitle(source: Source): string {
  return source.meta.title.trim() || source.fileName || 'Untitled source';
}

/** YYYY[-MM[-DD]] of a date or timestamp, or '' when there is none. */
function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** A source's passages, lazily; a source without text still has one (empty) passage, findable by its title. */
export function* sourceChunks(text: string): Generator<TextChunk> {
  let any = false;
  for (const chunk of chunksOf(text)) {
    any = true;
    yield chunk;
  }
  if (!any) yield { start: 0, text: '' };
}

/** The document of passage number `i` of a source. */
export function sourcePassageDoc(source: Source, chunk: TextChunk, i: number): IndexedDoc {
  return {
    kind: 'source',
    recordId: source.id,
    // The title is indexed once, with the first passage, so title words do not flood results with every passage.
    title: i === 0 ? source.meta.title.trim() || source.fileName : '',
    tags: '',
    body: chunk.text,
    label: '',
    sourceId: source.id,
    start: chunk.start,
    end: chunk.start + chunk.text.length,
    date: dayOf(source.meta.publishedAt || source.createdAt),
    tagIds: [],
    entityIds: [],
  };
}

export function highlightDoc(h: Highlight, tagNames: string[]): IndexedDoc {
  // An area of a PDF page has no quote: it is found (and shown in results) as "Area on p. N" with its note.
  const text = highlightText(h);
  return {
    kind: 'highlight',
    recordId: h.id,
    title: '',
    tags: tagNames.join(' · '),
    body: h.note.trim() ? `${text}\n${h.note}` : text,
    label: shortLabel(text),
    quoteLength: text.length,
    sourceId: h.sourceId,
    start: h.position.start,
    end: h.position.end,
    date: dayOf(h.createdAt),
    tagIds: [...h.tagIds],
    entityIds: [...h.entityIds],
  };
}

/** A claim with the names of its claimant and subjects, so searching a person finds what they said. */
export function claimDoc(c: Claim, parties?: ClaimParties): IndexedDoc {
  const doc: IndexedDoc = {
    kind: 'claim',
    recordId: c.id,
    title: '',
    tags: '',
    body: c.statement,
    label: shortLabel(c.statement),
    // A qualified date ("<2019", before 2019) is indexed at its date part: the filter compares dates, not prefixes.
    date: dayOf(c.claimedAt.replace(/^[<>~]/, '') || c.createdAt),
    tagIds: [...c.tagIds],
    entityIds: c.claimantId ? [...c.aboutEntityIds, c.claimantId] : [...c.aboutEntityIds],
    evidenceHighlightIds: [...c.evidenceHighlightIds],
  };
  const named = parties ? indexedParties(parties) : [];
  if (named.length > 0) doc.parties = named;
  return doc;
}

export function entityDoc(e: Entity): IndexedDoc {
  return {
    kind: 'entity',
    recordId: e.id,
    title: [e.name, ...e.aliases].join(' · '),
    tags: '',
    body: e.description,
    label: e.name,
    // Entities and dossiers have no record date: date filters leave them out.
    date: '',
    tagIds: [],
    entityIds: [e.id],
  };
}

export function dossierDoc(d: Dossier): IndexedDoc {
  return {
    kind: 'dossier',
    recordId: d.id,
    title: d.title,
    tags: '',
    body: '',
    label: d.title || 'Untitled dossier',
    date: '',
    tagIds: [],
    entityIds: [...d.subjectIds],
  };
}

/** Text handed to the posting engine: every field, so multi-word queries may match across fields. */
export function indexedText(doc: DocView): string {
  const base = `${doc.title}\n${doc.tags}\n${doc.body}`;
  return doc.parties ? `${base}\n${partyText(doc)}` : base;
}
