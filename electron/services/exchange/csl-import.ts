/**
 * CSL-JSON import (from Zotero or any reference manager). What an analyst expects: their library already holds the
 * texts; the references bring better details. So each item updates the details of the one source it matches (by URL,
 * then DOI in the source's URL, then title), the item's values winning over the source's for the fields it has; an
 * item that matches no source (or several) is reported, not turned into an empty source. One undoable transaction.
 */
import { ok } from '../../../shared/domain/result';
import type { Op } from '../../../shared/domain/ops';
import type { Source, SourceMeta } from '../../../shared/domain/types';
import type { CslImportReport } from '../../../shared/contract/views-exchange';
import { foldForMatch } from '../../../shared/domain/analysis/fold';
import { fail, now, type ServiceResult, type Workbench } from '../workbench/workbench';

const MAX_ITEMS = 10_000;
type Item = Record<string, unknown>;

/** Same page, however written: scheme and host case, "www.", a trailing slash and the fragment do not count. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url.trim());
    return `${u.host.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max) : '');

function authorsOf(item: Item): string[] | null {
  if (!Array.isArray(item.author)) return null;
  const names = (item.author as unknown[]).flatMap((a) => {
    if (typeof a !== 'object' || a === null) return [];
    const n = a as Item;
    const whole = str(n.literal, 200) || [str(n.given, 100), str(n['non-dropping-particle'], 50), str(n.family, 100)].filter(Boolean).join(' ');
    return whole ? [whole.slice(0, 200)] : [];
  });
  return names.slice(0, 50);
}

/** issued as date-parts ([[2024, 3]]) or a raw string; YYYY[-MM[-DD]] or '' when it says neither. */
function issuedOf(item: Item): string | null {
  const issued = item.issued as Item | undefined;
  if (!issued || typeof issued !== 'object') return null;
  const parts = (issued['date-parts'] as unknown[][] | undefined)?.[0];
  if (Array.isArray(parts) && parts.length > 0 && parts.every((p) => Number.isInteger(Number(p)))) {
    const [y, m, d] = parts.map(Number);
    if (y! < 1 || y! > 9999) return null;
    return [String(y).padStart(4, '0'), ...(m ? [String(m).padStart(2, '0')] : []), ...(m && d ? [String(d).padStart(2, '0')] : [])].join('-');
  }
  const raw = str(issued.raw, 40);
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw) ? raw : null;
}

function patchOf(item: Item, source: Source): Partial<SourceMeta> {
  const patch: Partial<SourceMeta> = {};
  const title = str(item.title, 500);
  if (title) patch.title = title;
  const authors = authorsOf(item);
  if (authors && authors.length) patch.authors = authors;
  const publisher = str(item.publisher, 200) || str(item['container-title'], 200);
  if (publisher) patch.publisher = publisher;
  const issued = issuedOf(item);
  if (issued) patch.publishedAt = issued;
  const url = str(item.URL, 2000);
  if (url && !source.meta.url) patch.url = url; // the source's own address is where its text came from: kept
  const language = str(item.language, 35);
  if (language) patch.language = language;
  return patch;
}

function parseItems(json: string): Item[] | string {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return `The file is not valid JSON: ${(e as Error).message}`;
  }
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as Item).items) ? (raw as Item).items as unknown[]
    : raw && typeof raw === 'object' && 'type' in raw ? [raw] : null;
  if (!list) return 'The file is not CSL-JSON: expected an array of reference items (as Zotero exports them).';
  if (list.length > MAX_ITEMS) return `The file holds ${list.length} references; up to ${MAX_ITEMS} can be imported at once.`;
  for (const [i, it] of list.entries()) {
    if (typeof it !== 'object' || it === null || Array.isArray(it)) return `Item ${i + 1} is not a CSL-JSON item (an object).`;
    if (typeof (it as Item).title !== 'string' && typeof (it as Item).URL !== 'string') return `Item ${i + 1} has neither a title nor a URL, so it can match no source.`;
  }
  return list as Item[];
}

export function importCslJson(wb: Workbench, json: string): ServiceResult<CslImportReport, 'import_rejected'> {
  const items = parseItems(json);
  if (typeof items === 'string') return fail('import_rejected', items);
  return wb.run('Import CSL-JSON references', (s) => {
    const sources = s.all('sources');
    const report: CslImportReport = { format: 'csl', items: items.length, updated: [], unchanged: 0, unmatched: [] };
    const ops: Op[] = [];
    const patched = new Map<string, Source>();
    for (const [i, item] of items.entries()) {
      const itemId = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : `#${i + 1}`;
      const title = str(item.title, 500);
      const url = str(item.URL, 2000);
      const doi = str(item.DOI, 200).toLowerCase();
      const byUrl = url ? sources.filter((x) => [x.meta.url, x.capture?.finalUrl, x.capture?.requestedUrl].some((u) => u && urlKey(u) === urlKey(url))) : [];
      const byDoi = doi ? sources.filter((x) => x.meta.url.toLowerCase().includes(doi)) : [];
      const byTitle = title ? sources.filter((x) => foldForMatch(x.meta.title) === foldForMatch(title)) : [];
      const [matchedBy, found] = byUrl.length ? ['url', byUrl] as const : byDoi.length ? ['doi', byDoi] as const : ['title', byTitle] as const;
      if (found.length !== 1) {
        report.unmatched.push({ itemId, title, reason: found.length === 0 ? 'no source has this URL, DOI or title'
          : `${found.length} sources have this ${matchedBy === 'title' ? 'title' : matchedBy.toUpperCase()}` });
        continue;
      }
      const current = patched.get(found[0]!.id) ?? found[0]!;
      const patch = patchOf(item, current);
      const fields = (Object.keys(patch) as Array<keyof SourceMeta>).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(current.meta[k]));
      if (fields.length === 0) {
        report.unchanged++;
        continue;
      }
      const next: Source = { ...current, meta: { ...current.meta, ...patch }, updatedAt: now() };
      patched.set(next.id, next);
      report.updated.push({ sourceId: next.id, title: next.meta.title, matchedBy, fields });
    }
    for (const v of patched.values()) ops.push({ t: 'put', c: 'sources', v });
    return ok({ ops, value: report });
  });
}
