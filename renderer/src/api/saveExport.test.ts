/** saveExport picks the native save dialog when the desktop bridge is there (the bytes stay in the services), a download otherwise. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge, SaveExportRequest } from '../../../shared/contract/desktop';

const h = vi.hoisted(() => ({
  desktop: null as DesktopBridge | null,
  /** Every contract method the renderer called, in order. */
  calls: [] as string[],
  saved: [] as string[],
  notes: [] as string[],
}));

vi.mock('./desktop', () => ({ get desktop() { return h.desktop; } }));
vi.mock('./notify', () => ({
  notifyError: (title: string, message: string) => h.notes.push(`error: ${title}: ${message}`),
  notifySuccess: (title: string, message: string) => h.notes.push(`success: ${title}: ${message}`),
}));
vi.mock('../features/common/lib/saveFile', () => ({ saveFile: (file: { fileName: string }) => h.saved.push(file.fileName) }));
vi.mock('./client', () => {
  const file = (fileName: string) => ({ fileName, mimeType: 'application/octet-stream', dataBase64: 'AAEC' });
  const replies: Record<string, unknown> = {
    'exports.start': { jobId: 'job-1' },
    'exports.status': { jobId: 'job-1', state: 'done', progress: 1, stage: 'Done', fileName: 'Brief.pdf', error: null },
    'exports.download': file('Brief.pdf'),
    'exports.annotations': file('annotations.jsonld'),
    'exports.graph': file('graph.graphml'),
  };
  return {
    callApi: async (method: string) => {
      h.calls.push(method);
      return { ok: true, value: replies[method] };
    },
    queryCache: { invalidate: async () => undefined },
  };
});

const { saveExport } = await import('./saveExport');

function fakeDesktop(answer: Awaited<ReturnType<DesktopBridge['saveExport']>>) {
  const asked: SaveExportRequest[] = [];
  const bridge: DesktopBridge = {
    platform: 'linux',
    onCommand: () => () => undefined,
    readerMenu: async () => ({ ok: true, value: { command: null } }),
    saveExport: async (req) => {
      asked.push(req);
      return answer;
    },
  };
  return { bridge, asked };
}

beforeEach(() => {
  h.desktop = null;
  h.calls.length = 0;
  h.saved.length = 0;
  h.notes.length = 0;
});

describe('saveExport', () => {
  it('in the desktop app, saves a finished dossier job by its id through the bridge, never downloading its bytes', async () => {
    const d = fakeDesktop({ ok: true, value: { path: '/home/ayşe/Documents/Brief.pdf' } });
    h.desktop = d.bridge;
    const statuses: string[] = [];
    const outcome = await saveExport({ kind: 'dossier', dossierId: 'd1', format: 'pdf', onStatus: (s) => statuses.push(s.state) });
    expect(outcome).toEqual({ savedAs: '/home/ayşe/Documents/Brief.pdf' });
    expect(d.asked).toEqual([{ kind: 'job', jobId: 'job-1' }]);
    expect(h.calls).toEqual(['exports.start', 'exports.status']);
    expect(statuses).toEqual(['done']);
    expect(h.saved).toEqual([]);
    expect(h.notes).toEqual(['success: Dossier exported: Saved to /home/ayşe/Documents/Brief.pdf']);
  });

  it('in the desktop app, annotations and the graph are asked for by kind: the services produce and write them', async () => {
    const d = fakeDesktop({ ok: true, value: { path: '/tmp/graph.graphml' } });
    h.desktop = d.bridge;
    await saveExport({ kind: 'annotations' });
    await saveExport({ kind: 'graph' });
    expect(d.asked).toEqual([{ kind: 'annotations', format: 'w3c' }, { kind: 'graph', format: 'graphml' }]);
    expect(h.calls).toEqual([]);
    expect(h.saved).toEqual([]);
  });

  it('a cancelled dialog says nothing; a failed save reports its message', async () => {
    h.desktop = fakeDesktop({ ok: true, value: { cancelled: true } }).bridge;
    expect(await saveExport({ kind: 'graph' })).toEqual({ cancelled: true });
    expect(h.notes).toEqual([]);
    h.desktop = fakeDesktop({ ok: false, error: { code: 'disk_full', message: 'Could not save graph.graphml in /media/usb: the disk is full.' } }).bridge;
    expect(await saveExport({ kind: 'graph' })).toBeNull();
    expect(h.notes).toEqual(['error: Could not save the graph: Could not save graph.graphml in /media/usb: the disk is full.']);
  });

  it('in a browser, downloads the file as before', async () => {
    expect(await saveExport({ kind: 'dossier', dossierId: 'd1', format: 'pdf', onStatus: () => undefined })).toEqual({ savedAs: 'Brief.pdf' });
    expect(await saveExport({ kind: 'annotations' })).toEqual({ savedAs: 'annotations.jsonld' });
    expect(h.calls).toEqual(['exports.start', 'exports.status', 'exports.download', 'exports.annotations']);
    expect(h.saved).toEqual(['Brief.pdf', 'annotations.jsonld']);
    expect(h.notes).toEqual(['success: Dossier exported: Saved Brief.pdf', 'success: Exported: Saved annotations.jsonld']);
  });
});
