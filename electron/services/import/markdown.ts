/** Markdown import: the Markdown stays the snapshot; a YAML-ish front matter block feeds the metadata. */
import type { SourceMeta } from '../../../shared/domain/types';
import { emptyMeta } from './types';
import { guessTitle } from './titleGuess';
import { toPartialDate } from './dates';

export interface MarkdownImport {
  text: string;
  meta: SourceMeta;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Parses `key: value`, `key: [a, b]` and `key:` followed by `- item` lines; everything else is ignored. */
export function parseFrontMatter(block: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let listKey: string | null = null;
  for (const rawLine of block.split('\n')) {
    const item = /^\s+-\s+(.*)$/.exec(rawLine) ?? /^-\s+(.*)$/.exec(rawLine);
    if (item && listKey !== null) {
      fields.get(listKey)?.push(unquote(item[1] ?? ''));
      continue;
    }
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(rawLine);
    if (!pair) continue;
    const key = (pair[1] ?? '').toLowerCase();
    const value = (pair[2] ?? '').trim();
    listKey = null;
    if (value === '') {
      fields.set(key, []);
      listKey = key;
    } else if (value.startsWith('[') && value.endsWith(']')) {
      fields.set(key, value.slice(1, -1).split(',').map(unquote).filter(Boolean));
    } else {
      fields.set(key, [unquote(value)]);
    }
  }
  return fields;
}

function unquote(value: string): string {
  const v = value.trim();
  const quoted = v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0];
  return quoted ? v.slice(1, -1) : v;
}

const first = (fields: Map<string, string[]>, ...keys: string[]): string => {
  for (const key of keys) {
    const value = fields.get(key)?.find((v) => v.trim() !== '');
    if (value !== undefined) return value.trim();
  }
  return '';
};

/** Splits "A, B and C" / "A; B" / "A & B" into names. */
export function splitAuthors(value: string): string[] {
  return value
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:;|,|\s&\s|\sand\s)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Takes normalised Markdown; strips the front matter and fills metadata from it and the first `# ` heading. */
export function importMarkdown(text: string): MarkdownImport {
  const meta = emptyMeta();
  let body = text;
  const match = FRONT_MATTER.exec(text);
  if (match) {
    body = text.slice(match[0].length);
    const fields = parseFrontMatter(match[1] ?? '');
    meta.title = first(fields, 'title');
    const authorList = fields.get('authors') ?? fields.get('author') ?? [];
    meta.authors = authorList.length === 1 ? splitAuthors(authorList[0] ?? '') : authorList.filter(Boolean);
    meta.publisher = first(fields, 'publisher', 'site', 'source');
    meta.publishedAt = toPartialDate(first(fields, 'date', 'published', 'publishedat', 'published_at'));
    meta.url = first(fields, 'url', 'link', 'canonical');
    meta.language = first(fields, 'lang', 'language');
  }
  if (meta.title === '') {
    const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
    meta.title = heading ? (heading[1] ?? '').trim() : guessTitle(body);
  }
  return { text: body, meta };
}
