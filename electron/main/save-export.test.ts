/** The native save flow with a fake dialog and a fake services host: cancel, success, remembered folder, filters, suggested name. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SaveExportRequest } from '../../shared/contract/desktop';
import type { ExportJobStatus } from '../../shared/contract/views-dossiers';
import { LAST_FOLDER_FILE, saveExportFlow, saveExportMethod, type SaveDialogOptions, type SaveExportDeps } from './save-export';
import { DesktopMethods } from './desktop-ipc';
import { tempDir } from '../../tests/unit/helpers';

const WINDOW = { id: 'main window' };

const done = (fileName: string): ExportJobStatus => ({ jobId: 'j1', state: 'done', progress: 1, stage: 'Done', fileName, error: null });

/** A dialog answering each call from `answers` (a path, or null for Cancel), recording the window and options it was shown with. */
function harness(answers: (string | null)[], status: ExportJobStatus | null = done('Türkiye–Kazakhstan relations.pdf')) {
  const shown: { win: unknown; options: SaveDialogOptions }[] = [];
  const writes: { request: SaveExportRequest; filePath: string }[] = [];
  const userDataDir = tempDir('wb-userdata-');
  const documentsDir = tempDir('wb-documents-');
  const deps: SaveExportDeps = {
    window: WINDOW,
    dialog: {
      showSaveDialog: (async (a: unknown, b?: SaveDialogOptions) => {
        shown.push(b ? { win: a, options: b } : { win: null, options: a as SaveDialogOptions });
        const answer = answers.shift() ?? null;
        return answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
      }) as SaveExportDeps['dialog']['showSaveDialog'],
    },
    writeExport: async (request, filePath) => {
      writes.push({ request, filePath });
      fs.writeFileSync(filePath, 'written by the fake services host');
      return { ok: true, value: { path: filePath, bytes: 33 } };
    },
    jobStatus: async (jobId) => (status ? { ok: true, value: { ...status, jobId } } : { ok: false, error: { code: 'not_found', message: `No export job ${jobId}.` } }),
    userDataDir,
    documentsDir,
  };
  return { deps, shown, writes, userDataDir, documentsDir };
}

describe('saveExportFlow', () => {
  it('suggests the job’s file name in the Documents folder, with the PDF filter, on the asking window', async () => {
    const h = harness([null]);
    await saveExportFlow({ kind: 'job', jobId: 'j1' }, h.deps);
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]!.win).toBe(WINDOW);
    expect(h.shown[0]!.options).toMatchObject({
      title: 'Save dossier export',
      defaultPath: path.join(h.documentsDir, 'Türkiye–Kazakhstan relations.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('cancelling writes nothing and answers {cancelled: true}', async () => {
    const h = harness([null]);
    expect(await saveExportFlow({ kind: 'annotations', format: 'w3c' }, h.deps)).toEqual({ ok: true, value: { cancelled: true } });
    expect(h.writes).toEqual([]);
    expect(fs.existsSync(path.join(h.userDataDir, LAST_FOLDER_FILE))).toBe(false);
  });

  it('saves where the user chose through the services, answers the path, and offers that folder next time', async () => {
    const chosen = tempDir('wb-chosen-');
    const h = harness([path.join(chosen, 'my annotations.jsonld'), null]);
    const r = await saveExportFlow({ kind: 'annotations', format: 'w3c' }, h.deps);
    expect(r).toEqual({ ok: true, value: { path: path.join(chosen, 'my annotations.jsonld') } });
    expect(h.writes).toEqual([{ request: { kind: 'annotations', format: 'w3c' }, filePath: path.join(chosen, 'my annotations.jsonld') }]);
    await saveExportFlow({ kind: 'graph', format: 'graphml' }, h.deps);
    expect(h.shown[1]!.options.defaultPath).toBe(path.join(chosen, 'graph.graphml'));
  });

  it('the save succeeds even when the folder cannot be remembered (userData unwritable); the reason is logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const chosen = tempDir('wb-chosen-');
    const h = harness([path.join(chosen, 'graph.graphml')]);
    // userData is a file here, so nothing can be written inside it.
    fs.rmSync(h.userDataDir, { recursive: true });
    fs.writeFileSync(h.userDataDir, '');
    expect(await saveExportFlow({ kind: 'graph', format: 'graphml' }, h.deps)).toEqual({ ok: true, value: { path: path.join(chosen, 'graph.graphml') } });
    expect(fs.readFileSync(path.join(chosen, 'graph.graphml'), 'utf8')).toBe('written by the fake services host');
    expect(warn).toHaveBeenCalledWith('[workbench] could not remember the export folder:', expect.stringMatching(/ENOTDIR/));
    warn.mockRestore();
  });

  it('a remembered folder that has gone since falls back to Documents', async () => {
    const h = harness([null]);
    fs.writeFileSync(path.join(h.userDataDir, LAST_FOLDER_FILE), JSON.stringify({ folder: path.join(h.documentsDir, 'deleted') }));
    await saveExportFlow({ kind: 'graph', format: 'graphml' }, h.deps);
    expect(h.shown[0]!.options.defaultPath).toBe(path.join(h.documentsDir, 'graph.graphml'));
  });

  it('names and filters each kind as the browser download does (Markdown, HTML, JSON, JSON-LD, GraphML)', async () => {
    const cases: [SaveExportRequest, ExportJobStatus | null, string, string][] = [
      [{ kind: 'job', jobId: 'a' }, done('Brief.md'), 'Brief.md', 'Markdown'],
      [{ kind: 'job', jobId: 'b' }, done('Brief.html'), 'Brief.html', 'HTML'],
      [{ kind: 'job', jobId: 'c' }, done('Brief.json'), 'Brief.json', 'JSON'],
      [{ kind: 'annotations', format: 'w3c' }, null, 'annotations.jsonld', 'JSON-LD'],
      [{ kind: 'graph', format: 'graphml' }, null, 'graph.graphml', 'GraphML'],
    ];
    for (const [request, status, name, filter] of cases) {
      const h = harness([null], status);
      await saveExportFlow(request, h.deps);
      expect(path.basename(h.shown[0]!.options.defaultPath)).toBe(name);
      expect(h.shown[0]!.options.filters.map((f) => f.name)).toEqual([filter]);
    }
  });

  it('names, filters and titles the exports for other tools and the ACH matrix CSV', async () => {
    const cases: [SaveExportRequest, string, string[], string][] = [
      [{ kind: 'exchange', format: 'qdpx' }, 'workspace.qdpx', ['REFI-QDA project'], 'Export for other tools (QDPX)'],
      [{ kind: 'exchange', format: 'stix' }, 'workspace.stix.json', ['JSON'], 'Export for other tools (STIX)'],
      [{ kind: 'exchange', format: 'bibtex' }, 'references.bib', ['BibTeX'], 'Export for other tools (BIBTEX)'],
      [{ kind: 'exchange', format: 'ris' }, 'references.ris', ['RIS'], 'Export for other tools (RIS)'],
      [{ kind: 'ach', matrixId: 'm1' }, 'ach-matrix.csv', ['CSV'], 'Export ACH matrix'],
    ];
    for (const [request, name, filters, title] of cases) {
      const h = harness([null]);
      await saveExportFlow(request, h.deps);
      expect(path.basename(h.shown[0]!.options.defaultPath)).toBe(name);
      expect(h.shown[0]!.options.filters.map((f) => f.name)).toEqual(filters);
      expect(h.shown[0]!.options.title).toBe(title);
    }
  });

  it('a bare name gets the format’s extension unless that would replace a file the user did not confirm', async () => {
    const chosen = tempDir('wb-chosen-');
    const h = harness([path.join(chosen, 'graph'), path.join(chosen, 'graph')]);
    expect(await saveExportFlow({ kind: 'graph', format: 'graphml' }, h.deps)).toEqual({ ok: true, value: { path: path.join(chosen, 'graph.graphml') } });
    expect(await saveExportFlow({ kind: 'graph', format: 'graphml' }, h.deps)).toEqual({ ok: true, value: { path: path.join(chosen, 'graph') } });
  });

  it('an unknown, running or failed job shows no dialog and says why; a write error is passed on as it came', async () => {
    const running: ExportJobStatus = { ...done('x.pdf'), state: 'running', fileName: 'x.pdf' };
    const failed: ExportJobStatus = { ...done('x.pdf'), state: 'failed', error: 'Export failed: the printer crashed' };
    for (const [status, code] of [[null, 'not_found'], [running, 'not_finished'], [failed, 'export_failed']] as const) {
      const h = harness([path.join(tempDir(), 'x.pdf')], status);
      expect(await saveExportFlow({ kind: 'job', jobId: 'j1' }, h.deps)).toMatchObject({ ok: false, error: { code } });
      expect(h.shown).toEqual([]);
    }
    const h = harness([path.join(tempDir(), 'x.pdf')]);
    const full = { code: 'disk_full', message: 'Could not save x.pdf: the disk is full.' };
    h.deps.writeExport = async () => ({ ok: false, error: full });
    expect(await saveExportFlow({ kind: 'job', jobId: 'j1' }, h.deps)).toEqual({ ok: false, error: full });
    expect(fs.existsSync(path.join(h.userDataDir, LAST_FOLDER_FILE))).toBe(false);
  });

  it('without a window the dialog is shown free-standing', async () => {
    const h = harness([null]);
    h.deps.window = null;
    await saveExportFlow({ kind: 'graph', format: 'graphml' }, h.deps);
    expect(h.shown[0]!.win).toBeNull();
    expect(h.shown[0]!.options.title).toBe('Export graph');
  });
});

describe('the saveExport desktop method', () => {
  it('shows the dialog on the sender’s window and answers through the desktop IPC, typed errors keeping their code', async () => {
    const chosen = tempDir('wb-chosen-');
    const h = harness([path.join(chosen, 'x.pdf'), path.join(chosen, 'y.pdf')]);
    const methods = new DesktopMethods();
    const sender = { id: 'webContents' };
    methods.register('saveExport', saveExportMethod({ ...h.deps, windowOf: (e) => (e.sender === sender ? WINDOW : null) }));
    const event = { sender, senderFrame: { url: 'app://workbench/index.html' } };
    const call = (req: unknown) => methods.call('saveExport', req, event, () => true);
    expect(await call({ kind: 'job', jobId: 'j1' })).toEqual({ ok: true, value: { path: path.join(chosen, 'x.pdf') } });
    expect(h.shown[0]!.win).toBe(WINDOW);
    h.deps.writeExport = async () => ({ ok: false, error: { code: 'disk_full', message: 'Could not save y.pdf: the disk is full.' } });
    const failing = new DesktopMethods();
    failing.register('saveExport', saveExportMethod({ ...h.deps, windowOf: () => WINDOW }));
    expect(await failing.call('saveExport', { kind: 'job', jobId: 'j1' }, event, () => true))
      .toEqual({ ok: false, error: { code: 'disk_full', message: 'Could not save y.pdf: the disk is full.' } });
  });
});
