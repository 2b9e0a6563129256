/**
 * Sources as references for Zotero and reference managers: CSL-JSON, BibTeX (biblatex) and RIS, from the same
 * reading of a source (title, authors, publisher, issued and accessed dates, URL, language).
 *
 * BibTeX choice: biblatex with UTF-8 kept as written (Erdoğan, Тоқаев), since LaTeX-escaping Cyrillic or Kazakh
 * letters is lossy or impossible; only the characters that are syntax in BibTeX ({ } \ # $ % & _ ^ ~) are escaped.
 * Zotero, biber and JabRef read UTF-8 .bib files.
 */
import type { Source } from '../domain/types';
import { dateParts, splitName, type PersonName } from './names';

export interface Reference {
  id: string;
  /** CSL type: webpage (has a URL), else document. */
  type: 'webpage' | 'document';
  title: string;
  authors: PersonName[];
  publisher: string;
  issued: number[] | null;
  accessed: number[] | null;
  url: string;
  language: string;
}

export function referenceOf(s: Source): Reference {
  const m = s.meta;
  return {
    id: s.id,
    type: m.url ? 'webpage' : 'document',
    title: m.title,
    authors: m.authors.filter((a) => a.trim()).map(splitName),
    publisher: m.publisher.trim(),
    issued: dateParts(m.publishedAt),
    // When the page was fetched is when it was accessed (a captured source); files and pastes have no such date.
    accessed: s.capture?.capturedAt ? dateParts(s.capture.capturedAt) : null,
    url: m.url.trim(),
    language: m.language.trim(),
  };
}

export function toCslJson(refs: readonly Reference[]): string {
  const items = refs.map((r) => ({
    id: r.id,
    type: r.type,
    title: r.title,
    ...(r.authors.length ? {
      author: r.authors.map((a) => ('literal' in a ? { literal: a.literal }
        : { family: a.family, given: a.given, ...(a.particle ? { 'non-dropping-particle': a.particle } : {}) })),
    } : {}),
    ...(r.publisher ? { publisher: r.publisher, 'container-title': r.publisher } : {}),
    ...(r.issued ? { issued: { 'date-parts': [r.issued] } } : {}),
    ...(r.accessed ? { accessed: { 'date-parts': [r.accessed] } } : {}),
    ...(r.url ? { URL: r.url } : {}),
    ...(r.language ? { language: r.language } : {}),
  }));
  return `${JSON.stringify(items, null, 2)}\n`;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDate = (p: number[]): string => [String(p[0]).padStart(4, '0'), ...p.slice(1).map(pad)].join('-');

/** BibTeX's syntax characters escaped; everything else (Unicode letters included) kept. */
export function bibEscape(s: string): string {
  return s.replace(/[\\{}#$%&_^~]/g, (c) => ({
    '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '#': '\\#', $: '\\$', '%': '\\%', '&': '\\&', _: '\\_', '^': '\\^{}', '~': '\\~{}',
  })[c]!).replace(/\s+/g, ' ').trim();
}

const bibName = (a: PersonName): string => ('literal' in a ? `{${bibEscape(a.literal)}}`
  : `${a.particle ? `${bibEscape(a.particle)} ` : ''}${bibEscape(a.family)}, ${bibEscape(a.given)}`);

/** An ASCII citation key: first author's family name (or the title's first word) and the year, made unique. */
function citationKey(r: Reference, taken: Set<string>): string {
  const first = r.authors[0];
  const word = first ? ('literal' in first ? first.literal : first.family) : r.title.split(/\s+/)[0] ?? '';
  const ascii = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase().replace(/[^a-z0-9]/g, '');
  const base = `${ascii || 'source'}${r.issued ? r.issued[0] : ''}`;
  let key = base;
  for (let n = 0; taken.has(key); n++) key = `${base}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`;
  taken.add(key);
  return key;
}

export function toBibTeX(refs: readonly Reference[]): string {
  const taken = new Set<string>();
  return refs.map((r) => {
    const fields: Array<[string, string]> = [
      ['title', `{${bibEscape(r.title)}}`],
      ...(r.authors.length ? [['author', r.authors.map(bibName).join(' and ')] as [string, string]] : []),
      ...(r.publisher ? [[r.type === 'webpage' ? 'organization' : 'publisher', bibEscape(r.publisher)] as [string, string]] : []),
      ...(r.issued ? [['date', isoDate(r.issued)], ['year', String(r.issued[0])]] as Array<[string, string]> : []),
      ...(r.url ? [['url', r.url.replace(/[{}\\]/g, (c) => `\\${c}`)]] as Array<[string, string]> : []),
      ...(r.accessed ? [['urldate', isoDate(r.accessed)]] as Array<[string, string]> : []),
      ...(r.language ? [['langid', bibEscape(r.language)]] as Array<[string, string]> : []),
    ];
    const entry = r.type === 'webpage' ? 'online' : 'misc';
    return `@${entry}{${citationKey(r, taken)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
  }).join('\n');
}

/** RIS dates are YYYY/MM/DD/ with unknown parts left empty (2024/03//). */
const risDate = (p: number[]): string => `${String(p[0]).padStart(4, '0')}/${p[1] ? pad(p[1]) : ''}/${p[2] ? pad(p[2]) : ''}/`;

/** RIS lines are "TAG  - value"; records end with "ER  - ". CRLF, as the format was defined. */
export function toRis(refs: readonly Reference[]): string {
  const line = (tag: string, value: string): string => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
  return refs.map((r) => [
    line('TY', r.type === 'webpage' ? 'ELEC' : 'GEN'),
    line('TI', r.title),
    ...r.authors.map((a) => line('AU', 'literal' in a ? a.literal : `${a.particle ? `${a.particle} ` : ''}${a.family}, ${a.given}`)),
    ...(r.issued ? [line('PY', String(r.issued[0])), line('DA', risDate(r.issued))] : []),
    ...(r.publisher ? [line('PB', r.publisher)] : []),
    ...(r.url ? [line('UR', r.url)] : []),
    ...(r.accessed ? [line('Y2', risDate(r.accessed))] : []),
    ...(r.language ? [line('LA', r.language)] : []),
    'ER  - ',
  ].join('\r\n')).join('\r\n\r\n') + '\r\n';
}
