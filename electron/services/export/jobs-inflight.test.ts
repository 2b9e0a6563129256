/** The process-wide view of exports in flight that the desktop shell asks before quitting: counted, cancellable, settled. */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { buildSampleWorkspace, type SampleWorkspace } from '../../../tests/support/dossier-fixture';
import { draftDossier } from '../workbench/dossiers';
import { cancelExports, ExportJobs, exportsInFlight, whenExportsSettled } from './jobs';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

let ws: SampleWorkspace | null = null;
afterEach(async () => {
  cancelExports();
  await ws?.wb.close();
  ws = null;
});

describe('exports in flight', () => {
  it('counts a running print; cancelling ends it as cancelled and settles', async () => {
    ws = await buildSampleWorkspace(tempDir(), sampleArticle());
    const d = must(draftDossier(ws.wb, { subjectIds: [ws.e.kz.id] }));
    const jobs = new ExportJobs(() => new Promise(() => {})); // a print that never ends
    const { jobId } = must(jobs.start(ws.wb, d.id, 'pdf'));
    expect(exportsInFlight()).toBe(1);
    let settled = false;
    const waiting = whenExportsSettled().then(() => { settled = true; });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    cancelExports();
    await waiting;
    await jobs.wait(jobId);
    expect(exportsInFlight()).toBe(0);
    expect(must(jobs.status(jobId))).toMatchObject({ state: 'failed', stage: 'Cancelled', error: 'The export was cancelled.' });
  });

  it('keeps a finished file in flight until it is downloaded, so quitting after "Wait" does not throw it away', async () => {
    ws = await buildSampleWorkspace(tempDir(), sampleArticle());
    const d = must(draftDossier(ws.wb, { subjectIds: [ws.e.kz.id] }));
    const jobs = new ExportJobs(async () => new Uint8Array([37, 80, 68, 70]));
    const { jobId } = must(jobs.start(ws.wb, d.id, 'pdf'));
    await jobs.wait(jobId);
    expect(must(jobs.status(jobId)).state).toBe('done');
    expect(exportsInFlight()).toBe(1);
    must(jobs.download(jobId));
    expect(exportsInFlight()).toBe(0);
    await whenExportsSettled();
  });
});
