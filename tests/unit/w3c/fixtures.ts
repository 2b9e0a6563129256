/** A realistic small workspace (sources with and without URLs, tag tree, notes, Unicode) for export tests. */
import { createHash } from 'node:crypto';
import type { Entity, Highlight, HighlightColor, Relationship, Source, Tag } from '../../../shared/domain/types';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const T0 = '2024-05-02T08:15:00.000Z';
const T1 = '2024-05-03T17:42:10.123Z';

export const TEXTS = {
  news:
    'ANKARA — President Recep Tayyip Erdoğan said on Tuesday that "Türkiye will not step back" from the pipeline deal.\n' +
    'Officials in İstanbul confirmed the timetable 🚀 and added: "the first gas flows in 2026".\n' +
    'Critics called it a "political stunt" & warned of <delays>.',
  pasted:
    'Field notes 12/05: the convoy left Gaziantep at 06:00.\nDriver quoted: “we were told to wait” — source unclear 🤔.\n' +
    'Second sighting near Kilis, same plates.',
  report:
    'Annex B. Energy flows through the TANAP corridor rose by 12% year on year.\n' +
    'The ministry’s statement (in Turkish: “Enerji arz güvenliği”) stressed diversification.',
};

function source(id: string, text: string, url: string, title: string, kind: Source['kind']): Source {
  return {
    id,
    kind,
    fileName: url ? '' : `${id}.txt`,
    contentHash: sha256(text),
    textLength: text.length,
    meta: { title, authors: ['Ayşe Yılmaz'], publisher: 'Example Wire', publishedAt: '2024-05-01', url, language: 'en' },
    reliability: 'B',
    createdAt: T0,
    updatedAt: T0,
  };
}

export const SOURCES: Source[] = [
  // Non-ASCII path and a fragment: the export must percent-encode to stay a valid URI.
  source('src-news', TEXTS.news, 'https://www.example-news.com/2024/05/erdoğan-türkiye?ref=rss#top', 'Erdoğan on the pipeline', 'html'),
  source('src-pasted', TEXTS.pasted, '', 'Field notes', 'text'),
  // Not http(s): identified by its text hash instead.
  source('src-report', TEXTS.report, 'ftp://archive.example.org/annex-b.pdf', 'Annex B', 'pdf'),
];

const tag = (id: string, name: string, parentId: string | null): Tag => ({ id, name, color: '#888', parentId, createdAt: T0 });

export const TAGS: Tag[] = [
  tag('t-region', 'Region', null),
  tag('t-tr', 'Türkiye', 't-region'),
  tag('t-person', 'Person', null),
  tag('t-erdogan', 'Erdoğan', 't-person'),
  tag('t-hot', 'Hot 🔥', null),
  tag('t-quote', 'He said "no" & <left>', null),
];

const CONTEXT_LENGTH = 32;

/** A highlight over the n-th occurrence of `exact` in the source text, with real selectors. */
function highlight(
  id: string,
  src: Source,
  text: string,
  exact: string,
  extra: { color?: HighlightColor; tagIds?: string[]; note?: string; occurrence?: number } = {},
): Highlight {
  let start = -1;
  for (let i = 0; i <= (extra.occurrence ?? 0); i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`fixture quote not in text: ${exact}`);
  const end = start + exact.length;
  return {
    id,
    sourceId: src.id,
    color: extra.color ?? 'yellow',
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
    tagIds: extra.tagIds ?? [],
    note: extra.note ?? '',
    entityIds: [],
    createdAt: T0,
    updatedAt: T1,
  };
}

const [NEWS, PASTED, REPORT] = SOURCES as [Source, Source, Source];

export const HIGHLIGHTS: Highlight[] = [
  highlight('h-start', NEWS, TEXTS.news, 'ANKARA', { color: 'blue' }),
  highlight('h-quote', NEWS, TEXTS.news, '"Türkiye will not step back"', {
    color: 'pink',
    tagIds: ['t-tr', 't-erdogan'],
    note: 'Compare with the 2023 statement.\nSee "Hürriyet" piece — & the <original> wording.',
  }),
  highlight('h-multiline', NEWS, TEXTS.news, 'pipeline deal.\nOfficials in İstanbul', { tagIds: ['t-hot'] }),
  highlight('h-emoji', NEWS, TEXTS.news, 'timetable 🚀 and added', { color: 'green', note: 'Emoji in source 🚀 ✔' }),
  highlight('h-amp', NEWS, TEXTS.news, '"political stunt" & warned of <delays>.', { color: 'orange', tagIds: ['t-quote'] }),
  highlight('h-curly', PASTED, TEXTS.pasted, '“we were told to wait”', { tagIds: ['t-region'], note: 'Unverified.' }),
  highlight('h-end', PASTED, TEXTS.pasted, 'same plates.', {}),
  highlight('h-report', REPORT, TEXTS.report, '“Enerji arz güvenliği”', { color: 'green', tagIds: ['t-tr'] }),
  // Dangling: its source is not part of the export.
  { ...highlight('h-dangling', REPORT, TEXTS.report, 'Annex B'), sourceId: 'src-deleted' },
];

export const TEXT_BY_SOURCE: Record<string, string> = {
  'src-news': TEXTS.news,
  'src-pasted': TEXTS.pasted,
  'src-report': TEXTS.report,
};

const entity = (id: string, type: Entity['type'], name: string, aliases: string[], description: string): Entity => ({
  id, type, name, aliases, description, createdAt: T0, updatedAt: T0,
});

export const ENTITIES: Entity[] = [
  entity('e-erdogan', 'person', 'Recep Tayyip Erdoğan', ['Erdoğan', 'RTE'], 'President of Türkiye 🇹🇷'),
  entity('e-botas', 'organisation', 'BOTAŞ <Petroleum Pipeline Corp> & "Co"', [], 'State pipeline operator'),
  entity('e-ankara', 'place', 'Ankara', [], 'Capital\u0007 with a bell char and a lone \uD800 surrogate'),
];

const rel = (id: string, fromId: string, toId: string, over: Partial<Relationship>): Relationship => ({
  id, fromId, toId, type: 'related_to', startDate: '', endDate: '', confidence: 0.5, note: '',
  evidenceHighlightIds: [], evidenceClaimIds: [], createdAt: T0, updatedAt: T0, ...over,
});

export const RELATIONSHIPS: Relationship[] = [
  rel('r-leads', 'e-erdogan', 'e-botas', {
    type: 'controls', confidence: 0.85, startDate: '2014-08', note: 'Via the ministry "oversight" <board> & decree',
    evidenceHighlightIds: ['h-quote', 'h-multiline'], evidenceClaimIds: ['c-1'],
  }),
  rel('r-based', 'e-botas', 'e-ankara', { type: 'located_in', confidence: 1, startDate: '1974', endDate: '2024-05-01' }),
  rel('r-dangling', 'e-erdogan', 'e-missing', { type: 'met_with' }),
];
