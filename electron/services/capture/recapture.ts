/**
 * Re-capture: fetch a captured page's address again through the same pipeline as capture.url. Same text → unchanged,
 * nothing stored. Changed → one transaction: the new version (its own provenance record), the chain link on the old
 * version, and the old version's highlights carried over by the anchoring rules (orphans listed, never placed).
 */
import { performance } from 'node:perf_hooks';
import type { Source } from '../../../shared/domain/types';
import type { RecaptureOutcome } from '../../../shared/contract/views-capture';
import { ok } from '../../../shared/domain/result';
import { hashText } from '../store/texts';
import { hashBytes } from '../store/captures';
import { addDocument } from '../workbench/sources';
import { fail, now, type ServiceResult, type Workbench } from '../workbench/workbench';
import { captureTimings, prepareCapture, printCapture, type CaptureDeps } from './capture-prepare';
import { writeCaptureRecord } from './capture-url';
import { carryHighlights, type CarriedHighlights } from './carry-highlights';
import { newestVersion, versionNumber } from './versions';

type RecaptureError = 'not_found' | 'unsupported' | 'capture_failed' | 'import_rejected';

/**
 * The version a re-capture compares against and follows: the newest of the chain. Re-capturing an older version
 * re-captures the chain's newest (a chain stays a line, never a tree: "version 3" has one meaning).
 */
function newestCaptured(wb: Workbench, sourceId: string): ServiceResult<Source & { capture: NonNullable<Source['capture']> }, 'not_found' | 'unsupported'> {
  const source = wb.state.get('sources', sourceId);
  if (!source) return fail('not_found', `No source with id ${sourceId}.`);
  if (!source.capture) {
    const from = source.fileName ? `the file ${source.fileName}` : 'pasted text';
    return fail('unsupported', `“${source.meta.title}” came from ${from}, not from a web address: only captured pages can be re-captured.`);
  }
  const newest = newestVersion(wb.state, source);
  if (!newest.capture) return fail('unsupported', `The newest version of “${source.meta.title}” has no capture record to re-capture from.`);
  return ok(newest as Source & { capture: NonNullable<Source['capture']> });
}

/**
 * capture.recapture. Errors: not_found, unsupported (not a captured source), capture_failed and import_rejected (as
 * capture.url) — each with nothing stored. The chain is looked up again after every wait, so two re-captures at
 * once still make a line of versions (the second compares with, and follows, the first's result).
 */
export async function recapture(wb: Workbench, sourceId: string, deps: CaptureDeps): Promise<ServiceResult<RecaptureOutcome, RecaptureError>> {
  const t0 = performance.now();
  const first = newestCaptured(wb, sourceId);
  if (!first.ok) return first;
  const prepared = await prepareCapture(first.value.capture.requestedUrl, deps);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const textSha256 = hashText(p.doc.text);
  const timings = (renderMs: number) => captureTimings(p, t0, renderMs);
  const unchanged = (newest: Source & { capture: NonNullable<Source['capture']> }, renderMs: number) => ok<RecaptureOutcome>({
    status: 'unchanged', rawChanged: hashBytes(p.page.bytes) !== newest.capture.raw.sha256, source: newest,
    previousId: newest.id, carried: 0, orphans: [], timings: timings(renderMs),
  });
  const beforePrint = newestCaptured(wb, sourceId);
  if (!beforePrint.ok) return beforePrint;
  if (beforePrint.value.contentHash === textSha256) return unchanged(beforePrint.value, 0);
  const printed = await printCapture(p, deps);
  // From here to the commit nothing waits: the state the version is planned on is the state it commits on.
  const now_ = newestCaptured(wb, sourceId);
  if (!now_.ok) return now_;
  const previous = now_.value;
  if (previous.contentHash === textSha256) return unchanged(previous, printed.renderMs);
  const version = versionNumber(previous) + 1;
  let carried: CarriedHighlights = { highlights: [], orphans: [] };
  const added = addDocument(wb, p.doc, '', {
    // A → B → A: the text equals version 1's, yet it is what the page says now, so it is version 3.
    keepDuplicate: true,
    label: `Re-capture “${previous.meta.title}” (version ${version})`,
    attach: (hash) => ({
      capture: writeCaptureRecord(wb, p, printed, hash),
      versionOf: { rootId: previous.versionOf?.rootId ?? previous.id, previousId: previous.id, version },
      // The analyst's grading of the outlet holds for its next version too.
      reliability: previous.reliability,
    }),
    moreOps: (source, state) => {
      const old = state.get('sources', previous.id) ?? previous;
      carried = carryHighlights(state.highlightsOf(old.id), p.doc.text, source.id);
      return [
        ...(old.versionOf ? [] : [{ t: 'put' as const, c: 'sources' as const, v: { ...old, versionOf: { rootId: old.id, previousId: null, version: 1 }, updatedAt: now() } }]),
        ...carried.highlights.map((v) => ({ t: 'put' as const, c: 'highlights' as const, v })),
      ];
    },
  });
  if (!added.ok) return added;
  return ok({
    status: 'changed', rawChanged: true, source: added.value.source, previousId: previous.id,
    carried: carried.highlights.length, orphans: carried.orphans, timings: timings(printed.renderMs),
  });
}
