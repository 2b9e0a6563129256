/** writeExportFile against real handlers and a real temp folder: the right bytes, atomic replacement, typed disk errors. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../shared/contract/api';
import { createHandlers } from '../api/handlers';
import { draftDossier } from '../workbench/dossiers';
import { buildSampleWorkspace, type SampleWorkspace } from '../../../tests/support/dossier-fixture';
import { spyFs, tempFilesUnder } from '../../../tests/robustness/fs-spy';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { writeExportFile, writeExportFileWith } from './write-export';

const PDF = Buffer.from('%PDF-1.7\nstand-in printer output\n%%EOF\n');

let ws: SampleWorkspace | null = null;
afterEach(async () => {
  await ws?.wb.close();
  ws = null;
});

/** The sample workspace, its real handlers (with a stand-in printer the test may hold back), a dossier and an output folder. */
async function setup(printer: () => Promise<Uint8Array> = async () => new Uint8Array(PDF)) {
  ws = await buildSampleWorkspace(tempDir(), sampleArticle());
  const handlers = createHandlers(ws.wb, { seeded: false, printer });
  const dossier = draftDossier(ws.wb, { subjectIds: [ws.e.erdogan.id] });
  if (!dossier.ok) throw new Error(dossier.error.message);
  return { handlers, dossierId: dossier.value.id, out: tempDir('wb-save-') };
}

async function finishedJob(handlers: ApiHandlers, dossierId: string, format: 'pdf' | 'md' | 'html' | 'json'): Promise<string> {
  const started = await handlers['exports.start']({ dossierId, format });
  if (!started.ok) throw new Error(started.error.message);
  for (;;) {
    const status = await handlers['exports.status']({ jobId: started.value.jobId });
    if (!status.ok || status.value.state !== 'running') return started.value.jobId;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const expectedBytes = async (load: () => Promise<{ ok: boolean; value?: { dataBase64: string } }>) => {
  const r = await load();
  if (!r.ok) throw new Error('the handler failed');
  return Buffer.from(r.value!.dataBase64, 'base64');
};

describe('writeExportFile', () => {
  it('writes each kind (PDF, Markdown, HTML and JSON jobs, W3C annotations, GraphML) byte for byte as the services produce it', async () => {
    const { handlers, dossierId, out } = await setup();
    for (const format of ['pdf', 'md', 'html', 'json'] as const) {
      const jobId = await finishedJob(handlers, dossierId, format);
      const target = path.join(out, `dossier.${format}`);
      const r = await writeExportFile(handlers, { kind: 'job', jobId }, target);
      const want = await expectedBytes(() => handlers['exports.download']({ jobId }));
      expect(r).toEqual({ ok: true, value: { path: target, bytes: want.length } });
      expect(fs.readFileSync(target).equals(want)).toBe(true);
    }
    expect(fs.readFileSync(path.join(out, 'dossier.pdf')).equals(PDF)).toBe(true);
    expect(fs.readFileSync(path.join(out, 'dossier.md'), 'utf8')).toContain('Recep Tayyip Erdoğan');

    const annotations = path.join(out, 'annotations.jsonld');
    expect((await writeExportFile(handlers, { kind: 'annotations', format: 'w3c' }, annotations)).ok).toBe(true);
    const w3c = JSON.parse(fs.readFileSync(annotations, 'utf8'));
    expect(w3c.type).toContain('AnnotationCollection');
    expect(JSON.stringify(w3c)).toContain('territorial integrity');

    const graph = path.join(out, 'graph.graphml');
    expect((await writeExportFile(handlers, { kind: 'graph', format: 'graphml' }, graph)).ok).toBe(true);
    const want = await expectedBytes(() => handlers['exports.graph']({ format: 'graphml' }));
    expect(fs.readFileSync(graph).equals(want)).toBe(true);
    expect(want.toString('utf8')).toContain('Kassym-Jomart Tokayev');
    expect(tempFilesUnder(out)).toEqual([]);
  });

  it('replaces an existing file with the complete new one', async () => {
    const { handlers, dossierId, out } = await setup();
    const target = path.join(out, 'dossier.pdf');
    fs.writeFileSync(target, 'an older export that is much longer than the new one, so a partial overwrite would show '.repeat(20));
    const jobId = await finishedJob(handlers, dossierId, 'pdf');
    expect((await writeExportFile(handlers, { kind: 'job', jobId }, target)).ok).toBe(true);
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
  });

  it('a failure in the middle of the write (at the write, the fsync or the rename) leaves the old file intact and no temp file', async () => {
    const { handlers, dossierId, out } = await setup();
    const target = path.join(out, 'dossier.pdf');
    const old = 'the analyst’s previous export\n';
    fs.writeFileSync(target, old);
    const jobId = await finishedJob(handlers, dossierId, 'pdf');
    // open tmp (0), write (1), fsync (2), close (3), rename (4): fail each step after the temp file exists.
    for (const [step, code, expected] of [[1, 'ENOSPC', 'disk_full'], [2, 'EIO', 'write_failed'], [4, 'EACCES', 'permission_denied']] as const) {
      const spy = spyFs();
      spy.arm(step, code);
      const r = await writeExportFileWith(handlers, { kind: 'job', jobId }, target, spy.ops);
      expect(r.ok, `fault ${code} at step ${step}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(expected);
        expect(r.error.message).toContain('The file that was there is unchanged.');
      }
      expect(fs.readFileSync(target, 'utf8')).toBe(old);
      expect(tempFilesUnder(out)).toEqual([]);
    }
    // The same write without a fault then goes through.
    expect((await writeExportFile(handlers, { kind: 'job', jobId }, target)).ok).toBe(true);
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
  });

  it('permission refused by the disk (EACCES, EPERM when creating the temp file) is permission_denied', async () => {
    const { handlers, out } = await setup();
    for (const code of ['EACCES', 'EPERM']) {
      const spy = spyFs();
      spy.arm(0, code);
      const r = await writeExportFileWith(handlers, { kind: 'graph', format: 'graphml' }, path.join(out, 'graph.graphml'), spy.ops);
      expect(r).toMatchObject({ ok: false, error: { code: 'permission_denied', message: expect.stringMatching(/permission denied/) } });
      expect(fs.readdirSync(out)).toEqual([]);
    }
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('a read-only folder is permission_denied (real EACCES; skipped as root, who may write anywhere)', async () => {
    const { handlers, out } = await setup();
    fs.chmodSync(out, 0o500);
    try {
      const r = await writeExportFile(handlers, { kind: 'annotations', format: 'w3c' }, path.join(out, 'annotations.jsonld'));
      expect(r).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      fs.chmodSync(out, 0o700);
    }
  });

  it('a missing folder, a folder as the target and a relative path are refused with typed errors, writing nothing', async () => {
    const { handlers, out } = await setup();
    const graph = { kind: 'graph', format: 'graphml' } as const;
    const missing = await writeExportFile(handlers, graph, path.join(out, 'gone', 'graph.graphml'));
    expect(missing).toMatchObject({ ok: false, error: { code: 'folder_missing', message: expect.stringContaining(path.join(out, 'gone')) } });
    fs.writeFileSync(path.join(out, 'plain-file'), 'x');
    expect(await writeExportFile(handlers, graph, path.join(out, 'plain-file', 'graph.graphml'))).toMatchObject({ ok: false, error: { code: 'folder_missing' } });
    fs.mkdirSync(path.join(out, 'graph.graphml'));
    expect(await writeExportFile(handlers, graph, path.join(out, 'graph.graphml'))).toMatchObject({ ok: false, error: { code: 'is_directory' } });
    expect(await writeExportFile(handlers, graph, 'graph.graphml')).toMatchObject({ ok: false, error: { code: 'invalid_path' } });
    expect(fs.readdirSync(out).sort()).toEqual(['graph.graphml', 'plain-file']);
    expect(fs.readdirSync(path.join(out, 'graph.graphml'))).toEqual([]);
  });

  it('an unknown job is not_found, a running one not_finished, a failed one export_failed; none writes a file', async () => {
    let release!: () => void;
    let fail = false;
    const { handlers, dossierId, out } = await setup(() => new Promise((resolve, reject) => {
      release = () => (fail ? reject(new Error('the printer crashed')) : resolve(new Uint8Array(PDF)));
    }));
    const target = path.join(out, 'dossier.pdf');
    expect(await writeExportFile(handlers, { kind: 'job', jobId: 'no-such-job' }, target)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const running = await handlers['exports.start']({ dossierId, format: 'pdf' });
    if (!running.ok) throw new Error(running.error.message);
    expect(await writeExportFile(handlers, { kind: 'job', jobId: running.value.jobId }, target)).toMatchObject({ ok: false, error: { code: 'not_finished' } });

    fail = true;
    release();
    const failed = await finishedJob(handlers, dossierId, 'md'); // a second job, to give the first time to settle
    expect((await handlers['exports.status']({ jobId: running.value.jobId }))).toMatchObject({ ok: true, value: { state: 'failed' } });
    expect(await writeExportFile(handlers, { kind: 'job', jobId: running.value.jobId }, target))
      .toMatchObject({ ok: false, error: { code: 'export_failed', message: expect.stringContaining('the printer crashed') } });
    expect(fs.readdirSync(out)).toEqual([]);
    expect((await writeExportFile(handlers, { kind: 'job', jobId: failed }, path.join(out, 'dossier.md'))).ok).toBe(true);
  });
});
