/** Highlights: created from an exact text range, edited (colour, tags, note), deleted with their references. */
import { ok } from '../../../shared/domain/result';
import type { Highlight, HighlightColor } from '../../../shared/domain/types';
import type { PdfPlacement } from '../../../shared/domain/pdf';
import { describeRange, snapRangeOutward } from '../../../shared/anchoring';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';
import { unlinkHighlights } from './dependents';

export function listHighlights(wb: Workbench, q: { sourceId?: string; tagId?: string }): Highlight[] {
  const base = q.sourceId ? wb.state.highlightsOf(q.sourceId) : wb.state.all('highlights');
  const hs = q.tagId ? base.filter((h) => h.tagIds.includes(q.tagId!)) : base;
  return hs.sort((a, b) => (a.sourceId === b.sourceId ? a.position.start - b.position.start : a.createdAt.localeCompare(b.createdAt)));
}

function missingTag(wb: Workbench, tagIds: readonly string[]): string | undefined {
  return tagIds.find((t) => !wb.state.get('tags', t));
}

export function createHighlight(
  wb: Workbench,
  req: { sourceId: string; start: number; end: number; color: HighlightColor; tagIds: string[]; note: string; pdf?: PdfPlacement },
): ServiceResult<Highlight, 'not_found'> {
  const source = wb.state.get('sources', req.sourceId);
  if (!source) return fail('not_found', `No source with id ${req.sourceId}.`);
  if (req.pdf) {
    if (!source.pdf) return fail('invalid_request', `“${source.meta.title}” has no pages: a page placement cannot be stored.`);
    if (req.pdf.page > source.pdf.pageCount) {
      return fail('invalid_request', `Page ${req.pdf.page} does not exist: “${source.meta.title}” has ${source.pdf.pageCount} pages.`);
    }
  }
  if (req.end > source.textLength) {
    return fail('invalid_request', `The range ${req.start}–${req.end} lies outside the text (length ${source.textLength}).`);
  }
  const bad = missingTag(wb, req.tagIds);
  if (bad) return fail('not_found', `No tag with id ${bad}.`);
  const text = wb.store.texts.get(source.contentHash);
  if (text === null) return fail('not_found', `The text of "${source.meta.title}" is missing or damaged.`);
  const { start, end } = snapRangeOutward(text, req.start, req.end);
  const { quote, position } = describeRange(text, start, end);
  if (quote.exact.trim() === '') return fail('invalid_request', 'The selection contains no text to highlight.');
  const t = now();
  const h: Highlight = {
    id: newId(), sourceId: source.id, color: req.color, quote, position,
    tagIds: [...new Set(req.tagIds)], note: req.note, entityIds: [],
    ...(req.pdf ? { pdf: { page: req.pdf.page, rects: req.pdf.rects.map((r) => ({ ...r })) } } : {}),
    createdAt: t, updatedAt: t,
  };
  return wb.run('Highlight', () => ok({ ops: [{ t: 'put', c: 'highlights', v: h }], value: h }));
}

export function updateHighlight(
  wb: Workbench, req: { id: string; color?: HighlightColor; note?: string; tagIds?: string[] },
): ServiceResult<Highlight, 'not_found'> {
  const label = req.note !== undefined ? 'Edit note' : req.tagIds !== undefined ? 'Tag highlight' : 'Change colour';
  return wb.run(label, (s) => {
    const h = s.get('highlights', req.id);
    if (!h) return fail('not_found', `No highlight with id ${req.id}.`);
    if (req.tagIds) {
      const bad = missingTag(wb, req.tagIds);
      if (bad) return fail('not_found', `No tag with id ${bad}.`);
    }
    const v: Highlight = {
      ...h,
      color: req.color ?? h.color,
      note: req.note ?? h.note,
      tagIds: req.tagIds ? [...new Set(req.tagIds)] : h.tagIds,
      updatedAt: now(),
    };
    return ok({ ops: [{ t: 'put', c: 'highlights', v }], value: v });
  });
}

export function deleteHighlight(wb: Workbench, id: string): ServiceResult<{ id: string }, 'not_found'> {
  return wb.run('Delete highlight', (s) => {
    if (!s.get('highlights', id)) return fail('not_found', `No highlight with id ${id}.`);
    return ok({ ops: [...unlinkHighlights(s, new Set([id])), { t: 'del', c: 'highlights', id }], value: { id } });
  });
}
