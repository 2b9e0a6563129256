/**
 * Re-importing a PDF gives an older text-only source of it (imported before PDFs kept their pages) its pages, in place:
 * same text, or the same file whose text the old importer read slightly differently. Its highlights are re-anchored
 * in one undoable step; none is lost (those not found again stay as they were and are listed as orphans).
 */
import { ok } from '../../../shared/domain/result';
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Highlight, Source } from '../../../shared/domain/types';
import type { PdfDocumentRecord } from '../../../shared/domain/pdf';
import type { CaptureRecord } from '../../../shared/domain/capture';
import type { ImportOutcome } from '../../../shared/contract/views';
import type { PdfUpgrade } from '../../../shared/contract/views-pdf';
import { anchorAll, describeRange, foldText } from '../../../shared/anchoring';
import { fail, now, type ServiceResult, type Workbench } from './workbench';

/** Word shingles compared: four words in order say "the same passage" far more than single shared words. */
const SHINGLE = 4;
/** Above this many words only a fixed, hash-chosen sixteenth of the shingles is compared (the same ones in both texts). */
const SAMPLE_ABOVE_WORDS = 200_000;

const baseName = (fileName: string): string =>
  fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();

const wordsOf = (text: string): string[] => text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** 32-bit FNV-1a of a shingle: sets of numbers, not of strings, for texts of millions of words. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shingles(words: readonly string[], sample: boolean): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = fnv(words.slice(i, i + SHINGLE).join(' '));
    if (!sample || h % 16 === 0) out.add(h);
  }
  return out;
}

/**
 * How alike two readings of a document are, 0–1, by their four-word shingles: the share of the smaller set found in
 * the larger, but 0 unless they also share half of the larger (so an excerpt is not "the same document"). Texts under
 * four words must have the same words.
 */
export function readingSimilarity(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.length < SHINGLE || wb.length < SHINGLE) return wa.join(' ') === wb.join(' ') && wa.length > 0 ? 1 : 0;
  const sample = Math.max(wa.length, wb.length) > SAMPLE_ABOVE_WORDS;
  const sa = shingles(wa, sample);
  const sb = shingles(wb, sample);
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / large.size >= 0.5 ? shared / small.size : 0;
}

/** "Clearly the same document": at least this share of the smaller reading's shingles in the other. */
export const SAME_DOCUMENT = 0.8;

/**
 * The text-only PDF source a newly read PDF upgrades: same text (any name), else the same file name (case-insensitive,
 * without folders) and clearly the same document (readingSimilarity ≥ SAME_DOCUMENT; the most alike wins).
 */
export function findUpgradeTarget(wb: Workbench, text: string, textHash: string, fileName: string): Source | null {
  const textOnly = wb.state.all('sources').filter((s) => s.kind === 'pdf' && !s.pdf);
  const same = textOnly.find((s) => s.contentHash === textHash);
  if (same) return same;
  const name = baseName(fileName);
  if (name === '') return null;
  let best: { source: Source; score: number } | null = null;
  for (const s of textOnly) {
    if (baseName(s.fileName) !== name) continue;
    const old = wb.store.texts.get(s.contentHash);
    if (old === null) continue;
    const score = readingSimilarity(old, text);
    if (score >= SAME_DOCUMENT && (!best || score > best.score)) best = { source: s, score };
  }
  return best?.source ?? null;
}

/** The words a passage says, as anchoring's tolerant phase compares them. */
const sameWords = (a: string, b: string): boolean => foldText(a).text.trim() === foldText(b).text.trim();

/** Re-anchors a source's highlights in its new text: changed ones to put, every one not found again listed. */
export function reanchorHighlights(hs: readonly Highlight[], text: string, stamp: string): { puts: Highlight[]; carried: number; orphans: PdfUpgrade['orphans'] } {
  const anchored = anchorAll(text, hs.map((h) => ({ quote: h.quote, position: h.position })));
  const puts: Highlight[] = [];
  const orphans: PdfUpgrade['orphans'] = [];
  let carried = 0;
  hs.forEach((h, i) => {
    const a = anchored[i]!;
    const described = a.status === 'orphan' ? null : describeRange(text, a.start, a.end);
    // A placed range whose words are not the quote's is an orphan too: evidence is never silently misplaced.
    if (!described || !sameWords(described.quote.exact, h.quote.exact)) {
      orphans.push({ id: h.id, exact: h.quote.exact });
      return;
    }
    carried++;
    const { quote, position } = described;
    const unchanged = position.start === h.position.start && position.end === h.position.end &&
      quote.exact === h.quote.exact && quote.prefix === h.quote.prefix && quote.suffix === h.quote.suffix;
    if (!unchanged) puts.push({ ...h, quote, position, updatedAt: stamp });
  });
  return { puts, carried, orphans };
}

/**
 * Gives `targetId` its pages (the original already stored), with `text` (stored as `textHash`) as its new text, in one
 * undoable transaction “Give “title” its pages”. Planned against the state it commits on. `capture`: the provenance
 * of a PDF captured by URL (its raw bytes are the original), recorded on the source in place of any older one.
 */
export function upgradePdfSource(
  wb: Workbench, targetId: string, text: string, textHash: string, pdf: PdfDocumentRecord,
  opts: { quiet?: boolean; capture?: CaptureRecord } = {},
): ServiceResult<ImportOutcome, never> {
  const title = wb.state.get('sources', targetId)?.meta.title ?? '';
  return wb.run<ImportOutcome, never>(`Give “${title}” its pages`, (state: WorkspaceState) => {
    const old = state.get('sources', targetId);
    // Found a moment ago on this same state; checked again because a plan must stand on what it commits on.
    if (!old || old.pdf) return fail('internal', `The source ${targetId} was removed or already has its pages.`);
    const stamp = now();
    const hs = state.highlightsOf(old.id).sort((a, b) => a.position.start - b.position.start || a.id.localeCompare(b.id));
    const { puts, carried, orphans } = reanchorHighlights(hs, text, stamp);
    const source: Source = { ...withCaptureFor(old, textHash, pdf, opts.capture), contentHash: textHash, textLength: text.length, pdf, updatedAt: stamp };
    const ops: Op[] = [{ t: 'put', c: 'sources', v: source }, ...puts.map((v): Op => ({ t: 'put', c: 'highlights', v }))];
    return ok({ ops, value: { source, duplicate: true, upgraded: { sourceId: source.id, carried, orphans } } });
  }, opts);
}

/**
 * The capture record the upgraded source keeps. A new capture (by URL) replaces any older one. An older capture of
 * these same bytes stays true, its text now read again from them, so its text hash follows; one of other bytes no
 * longer describes the source's text and is left out (undo brings it back). Otherwise verifyCapture would report
 * the text as not matching after a legitimate upgrade.
 */
function withCaptureFor(old: Source, textHash: string, pdf: PdfDocumentRecord, fresh: CaptureRecord | undefined): Source {
  if (fresh) return { ...old, capture: fresh };
  if (!old.capture) return old;
  if (old.capture.raw.sha256 === pdf.original.sha256) return { ...old, capture: { ...old.capture, textSha256: textHash } };
  const { capture: _replaced, ...rest } = old;
  return rest;
}
