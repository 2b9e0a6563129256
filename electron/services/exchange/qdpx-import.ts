/**
 * Imports a REFI-QDA project (.qdpx) written by a QDA tool: text sources as sources, the code tree as tags (matched by
 * name under the same parent, else created with the code's colour), codings as highlights, memos on passages as their
 * notes, all in one undoable transaction. Any fault in the file refuses the whole import with nothing stored.
 */
import { ok } from '../../../shared/domain/result';
import type { Op } from '../../../shared/domain/ops';
import type { Highlight, Source, Tag } from '../../../shared/domain/types';
import type { ExchangeSkipped, QdpxImportReport } from '../../../shared/contract/views-exchange';
import { normaliseText } from '../../../shared/anchoring/offsets';
import { describeRange } from '../../../shared/anchoring';
import { codePointLength, codePointsToUtf16 } from '../../../shared/exchange/code-points';
import { binaryReason } from '../import/checks';
import { guessLanguage } from '../import/language';
import { DEFAULT_MAX_BYTES } from '../import/types';
import { fail, newId, now, type ServiceResult, type Workbench } from '../workbench/workbench';
import { readQdpx, type QdeCode, type QdeProject, type QdeTextSource } from './qdpx-read';

const PALETTE = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#f08c00', '#0ca678', '#d6336c', '#5f3dc4'];
const MAX_NOTE = 100_000;

/** Where a source's text lives in the archive: internal://x → sources/x; a relative path as written (REFI-QDA 1.5 §7.3). */
function archivePath(path: string): string {
  const p = path.trim().replace(/\\/g, '/');
  return p.toLowerCase().startsWith('internal://') ? `sources/${p.slice('internal://'.length)}` : p.replace(/^\.\//, '');
}

/**
 * Maps UTF-16 offsets of the file's text (BOM removed) to offsets of the stored, normalised text: CRLF became LF,
 * and NFC may have composed characters. Sorted boundaries are normalised chunk by chunk; when a boundary falls inside
 * a composing sequence (the chunks do not add up to the whole), each falls back to normalising its prefix.
 */
function toNormalised(raw: string, offsets: number[]): number[] {
  const crs: number[] = [];
  for (let i = raw.indexOf('\r\n'); i !== -1; i = raw.indexOf('\r\n', i + 2)) crs.push(i);
  let k = 0;
  const lfOffsets = [...offsets].map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]).map(([o, i]) => {
    while (k < crs.length && crs[k]! < o) k++;
    return [o - k, i] as const;
  });
  const lf = raw.replace(/\r\n?/g, '\n');
  const out = new Array<number>(offsets.length);
  if (lf.normalize('NFC') === lf) {
    for (const [o, i] of lfOffsets) out[i] = o;
    return out;
  }
  let at = 0;
  let length = 0;
  let joined = '';
  for (const [o, i] of lfOffsets) {
    const piece = lf.slice(at, o).normalize('NFC');
    joined += piece;
    length += piece.length;
    at = o;
    out[i] = length;
  }
  if (joined + lf.slice(at).normalize('NFC') !== lf.normalize('NFC')) {
    for (const [o, i] of lfOffsets) out[i] = lf.slice(0, o).normalize('NFC').length;
  }
  return out;
}

interface ReadySource { q: QdeTextSource; text: string; ranges: Array<{ start: number; end: number } | null> }

/** Decodes and checks one source's text and maps its selections; a string is the refusal. */
function prepareSource(q: QdeTextSource, files: Map<string, Uint8Array>): ReadySource | string {
  const label = `Source “${q.name || q.guid}”`;
  let raw: string;
  if (q.content !== null) raw = q.content;
  else {
    const path = archivePath(q.path!);
    const bytes = files.get(path);
    if (!bytes) return `${label} refers to ${q.path}, which is not in the archive.`;
    const binary = binaryReason(bytes);
    if (binary) return `${label} (${path}): ${binary}.`;
    try {
      raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return `${label} (${path}) is not UTF-8 text, which REFI-QDA requires of plain text sources.`;
    }
  }
  // A BOM is an encoding mark, not a character of the text: positions count from the character after it.
  const body = raw.replace(/^\uFEFF/, '');
  if (body.length > DEFAULT_MAX_BYTES) return `${label} is longer than the ${DEFAULT_MAX_BYTES / 1024 / 1024} MB a source may be.`;
  const chars = codePointLength(body);
  for (const s of q.selections) {
    if (s.start < 0 || s.end < s.start) return `Selection ${s.guid} in ${label.toLowerCase()} runs from ${s.start} to ${s.end}, which is not a range.`;
    if (s.end > chars) return `Selection ${s.guid} in ${label.toLowerCase()} ends at character ${s.end}, past the end of the text (${chars} characters).`;
  }
  const units = codePointsToUtf16(body, q.selections.flatMap((s) => [s.start, s.end])) as number[];
  const mapped = toNormalised(body, units);
  const text = normaliseText(body);
  return { q, text, ranges: q.selections.map((s, i) => (s.end > s.start ? { start: mapped[2 * i]!, end: mapped[2 * i + 1]! } : null)) };
}

export function importQdpx(wb: Workbench, fileName: string, bytes: Uint8Array): ServiceResult<QdpxImportReport, 'import_rejected'> {
  const read = readQdpx(bytes, (p) => new Set(p.sources.filter((s) => s.path !== null).map((s) => archivePath(s.path!))));
  if (!read.ok) return fail('import_rejected', read.error);
  const { project, files } = read.value;
  const skipped: ExchangeSkipped[] = project.otherSources.map((s) => ({ what: `${s.kind} source “${s.name}”`, reason: 'only text sources are imported' }));

  const codeGuids = new Set<string>();
  const walk = (cs: QdeCode[]): void => cs.forEach((c) => { codeGuids.add(c.guid); walk(c.children); });
  walk(project.codes);
  const ready: ReadySource[] = [];
  for (const q of project.sources) {
    for (const s of q.selections) {
      const missing = s.codeGuids.find((g) => !codeGuids.has(g));
      if (missing) return fail('import_rejected', `A coding in selection ${s.guid} refers to code ${missing}, which the project does not define.`);
    }
    const r = prepareSource(q, files);
    if (typeof r === 'string') return fail('import_rejected', r);
    if (r.text.trim() === '') skipped.push({ what: `source “${q.name || q.guid}”`, reason: 'its text is empty' });
    else ready.push(r);
  }
  // Texts are content-addressed and immutable: saved before the one commit, at worst left unreferenced.
  const hashes: string[] = [];
  try {
    for (const r of ready) hashes.push(wb.store.texts.put(r.text));
  } catch (e) {
    return fail('storage_failed', `Could not save the text of a source: ${(e as Error).message}`);
  }
  const label = `Import REFI-QDA project “${project.name.slice(0, 80)}”`;
  return wb.run(label, (s) => plan(s, project, ready, hashes, fileName, skipped));
}

function plan(
  s: Workbench['state'], project: QdeProject, ready: ReadySource[], hashes: string[], fileName: string, skipped: ExchangeSkipped[],
): ServiceResult<{ ops: Op[]; value: QdpxImportReport }, never> {
  const t = now();
  const ops: Op[] = [];
  const report: QdpxImportReport = {
    format: 'qdpx', project: project.name, sourcesCreated: 0, sourcesExisting: 0, tagsCreated: 0, tagsExisting: 0,
    highlightsCreated: 0, duplicates: 0, memosAttached: 0, skipped,
  };
  const tagOf = new Map<string, string>();
  const created: Tag[] = [];
  const addCodes = (codes: QdeCode[], parentId: string | null): void => {
    for (const c of codes) {
      const name = (c.name.replace(/\s+/g, ' ').trim() || 'Untitled code').slice(0, 100);
      const folded = name.toLocaleLowerCase();
      let tag = [...s.all('tags'), ...created].find((x) => x.parentId === parentId && x.name.toLocaleLowerCase() === folded);
      if (tag) report.tagsExisting++;
      else {
        tag = { id: newId(), name, color: c.color ?? PALETTE[(s.count('tags') + created.length) % PALETTE.length]!, parentId, createdAt: t };
        created.push(tag);
        ops.push({ t: 'put', c: 'tags', v: tag });
        report.tagsCreated++;
      }
      tagOf.set(c.guid, tag.id);
      addCodes(c.children, tag.id);
    }
  };
  addCodes(project.codes, null);

  const usedNotes = new Set<string>();
  ready.forEach((r, i) => {
    const hash = hashes[i]!;
    let source: Source | undefined = s.all('sources').find((x) => x.contentHash === hash);
    if (source) report.sourcesExisting++;
    else {
      const title = (r.q.name.trim() || fileName.replace(/\.qdpx$/i, '') || 'Untitled').slice(0, 500);
      source = {
        id: newId(), kind: 'text', fileName, contentHash: hash, textLength: r.text.length, reliability: 'F',
        meta: { title, authors: [], publisher: '', publishedAt: '', url: '', language: guessLanguage(r.text) },
        createdAt: t, updatedAt: t, // "added to the workspace" is now, whenever the QDA tool created it
      };
      ops.push({ t: 'put', c: 'sources', v: source });
      report.sourcesCreated++;
    }
    if (r.q.sourceCodings > 0) skipped.push({ what: `${r.q.sourceCodings} coding(s) of the whole source “${source.meta.title}”`, reason: 'only codings of passages become highlights' });
    // One highlight per range: tools that write one selection per code (MAXQDA) give the same range several times.
    const byRange = new Map<string, Highlight>();
    r.q.selections.forEach((sel, j) => {
      const range = r.ranges[j];
      if (!range) {
        skipped.push({ what: `selection ${sel.guid}`, reason: 'it selects no characters' });
        return;
      }
      const { quote, position } = describeRange(r.text, range.start, range.end);
      const key = `${position.start}:${position.end}`;
      const tagIds = sel.codeGuids.map((g) => tagOf.get(g)!);
      const notes = sel.noteGuids.flatMap((g) => {
        const n = project.notes.get(g);
        if (!n) {
          skipped.push({ what: `memo ${g} on selection ${sel.guid}`, reason: 'the project does not define it' });
          return [];
        }
        usedNotes.add(g);
        return n.text.trim() ? [n.text.trim()] : [];
      });
      const same = byRange.get(key);
      if (same) {
        same.tagIds = [...new Set([...same.tagIds, ...tagIds])];
        if (notes.length) same.note = [same.note, ...notes].filter(Boolean).join('\n\n').slice(0, MAX_NOTE);
        report.memosAttached += notes.length;
        return;
      }
      if (s.highlightsOf(source!.id).some((h) => h.position.start === position.start && h.position.end === position.end)) {
        report.duplicates++;
        return;
      }
      report.memosAttached += notes.length;
      byRange.set(key, {
        id: newId(), sourceId: source!.id, color: 'yellow', quote, position, tagIds: [...new Set(tagIds)], note: notes.join('\n\n').slice(0, MAX_NOTE),
        entityIds: [], createdAt: sel.created ?? t, updatedAt: t,
      });
    });
    for (const h of byRange.values()) ops.push({ t: 'put', c: 'highlights', v: h });
    report.highlightsCreated += byRange.size;
  });
  for (const n of project.notes.values()) {
    if (!usedNotes.has(n.guid)) skipped.push({ what: `memo “${n.name || n.guid}”`, reason: 'it is not attached to a passage (only memos on passages become highlight notes)' });
  }
  return ok({ ops, value: report });
}
