/** Code co-occurrence over the workspace: which tags and entities meet in the same highlight, paragraph or source. */
import type { Highlight } from '../../../shared/domain/types';
import {
  cooccurrence, type CodedHighlight, type CodeKey, type CooccurrenceUnit,
} from '../../../shared/domain/analysis/cooccurrence';
import { paragraphBreaks, paragraphIn } from '../../../shared/dossier/location';
import type { CooccurrenceCode, CooccurrenceView } from '../../../shared/contract/views-cooccurrence';
import type { PassageRef } from '../../../shared/contract/views-analysis';
import type { Workbench } from './workbench';
import { tagPath } from './tags';
import { highlightPassage } from './passages';

export type CodeSet = 'tags' | 'entities';

export interface CooccurrenceRequest {
  unit: CooccurrenceUnit;
  rows: CodeSet;
  columns: CodeSet;
  sourceIds?: string[];
}

/** Highlights with their paragraph; each source's text is read (and its breaks found) once, only for the paragraph unit. */
function codedHighlights(wb: Workbench, highlights: readonly Highlight[], unit: CooccurrenceUnit): CodedHighlight[] {
  const breaks = new Map<string, number[]>();
  const breaksOf = (sourceId: string): number[] => {
    let b = breaks.get(sourceId);
    if (!b) {
      const source = wb.state.get('sources', sourceId);
      const text = source ? wb.store.texts.get(source.contentHash) : undefined;
      breaks.set(sourceId, (b = text ? paragraphBreaks(text) : []));
    }
    return b;
  };
  return highlights.map((h) => ({
    id: h.id, sourceId: h.sourceId, tagIds: h.tagIds, entityIds: h.entityIds,
    paragraph: unit === 'paragraph' ? paragraphIn(breaksOf(h.sourceId), h.position.start) : 1,
  }));
}

/** Every code of one kind that some highlight in scope carries, labelled and sorted by label. */
function codesOf(wb: Workbench, highlights: readonly Highlight[], set: CodeSet): CooccurrenceCode[] {
  const ids = new Set(highlights.flatMap((h) => (set === 'tags' ? h.tagIds : h.entityIds)));
  const out: CooccurrenceCode[] = [];
  for (const id of ids) {
    if (set === 'tags') {
      const t = wb.state.get('tags', id);
      if (t) out.push({ key: `tag:${id}`, kind: 'tag', id, label: tagPath(wb.state, t), frequency: 0 });
    } else {
      const e = wb.state.get('entities', id);
      if (e) out.push({ key: `entity:${id}`, kind: 'entity', id, label: e.name, frequency: 0 });
    }
  }
  return out.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

export function cooccurrenceTable(wb: Workbench, req: CooccurrenceRequest): CooccurrenceView {
  const only = req.sourceIds ? new Set(req.sourceIds) : null;
  const highlights = wb.state.all('highlights').filter((h) => !only || only.has(h.sourceId));
  const rows = codesOf(wb, highlights, req.rows);
  const columns = req.columns === req.rows ? rows.map((c) => ({ ...c })) : codesOf(wb, highlights, req.columns);
  const table = cooccurrence(
    codedHighlights(wb, highlights, req.unit), req.unit, rows.map((c) => c.key as CodeKey), columns.map((c) => c.key as CodeKey),
  );
  for (const c of [...rows, ...columns]) c.frequency = table.frequency.get(c.key as CodeKey) ?? 0;

  const cells: CooccurrenceView['cells'] = [];
  const passages: Record<string, PassageRef> = {};
  for (const r of rows) {
    for (const col of columns) {
      const cell = table.cells.get(r.key as CodeKey)?.get(col.key as CodeKey);
      if (!cell) continue;
      cells.push({ row: r.key, column: col.key, count: cell.count, c: cell.c, highlightIds: cell.highlightIds });
      for (const id of cell.highlightIds) {
        if (passages[id]) continue;
        const h = wb.state.get('highlights', id);
        if (h) passages[id] = highlightPassage(wb.state, h);
      }
    }
  }
  return { unit: req.unit, rows, columns, cells, passages };
}
