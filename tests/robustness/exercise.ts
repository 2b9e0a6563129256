/** What a loaded workspace must survive: listing, reader views (anchoring), the integrity check, one write. */
import { Workbench } from '../../electron/services/workbench/workbench';
import { listSources, openSource } from '../../electron/services/workbench/sources';
import { listHighlights } from '../../electron/services/workbench/highlights';
import { createTag, listTags } from '../../electron/services/workbench/tags';
import { historyState } from '../../electron/services/workbench/history';
import { runDoctor } from '../../electron/services/maintenance/doctor';

/** Throws if any of it throws; service errors returned as values are fine (e.g. a missing text). */
export function exercise(wb: Workbench): void {
  const sources = listSources(wb);
  listHighlights(wb, {});
  listTags(wb);
  historyState(wb);
  for (const s of sources.slice(0, 5)) {
    const view = openSource(wb, s.id);
    if (view.ok) for (const h of view.value.highlights) if (h.range && (h.range.start < 0 || h.range.end > view.value.text.length)) throw new Error('anchored outside the text');
  }
  const doctor = runDoctor(wb, { repair: false });
  if (!doctor.ok) throw new Error(`doctor failed: ${doctor.error.message}`);
  if (!wb.store.readOnly) {
    const r = createTag(wb, { name: `fuzz ${wb.store.lastSeq}`, parentId: null });
    if (!r.ok && r.error.code !== 'duplicate') throw new Error(`write failed: ${r.error.message}`);
  }
}
