/** `workbench import URL` of a PDF that is an older text-only source: that source is given its pages, as a file import does. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../main';
import { tempDir } from '../../../tests/unit/helpers';
import { startFixtureServer, type FixtureServer } from '../../../tests/support/http-fixtures';
import { buildPlainPagesPdf } from '../../../tests/support/pdf-fixtures';
import { Workbench } from '../../services/workbench/workbench';
import { addDocument } from '../../services/workbench/sources';
import { createHighlight } from '../../services/workbench/highlights';
import { importBytes } from '../../services/import';
import { emptyMeta } from '../../services/import/types';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runCli(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const PAGES = ['The harbour authority reviewed the grain corridor plan.', 'Observers questioned the pipeline tariff again.'];

let server: FixtureServer;
let pdfText: string;
beforeAll(async () => {
  const bytes = await buildPlainPagesPdf(PAGES);
  const read = await importBytes('brief.pdf', bytes);
  if (!read.ok) throw new Error(read.error.message);
  pdfText = read.value.text;
  server = await startFixtureServer();
  server.route('/brief.pdf', (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(Buffer.from(bytes));
  });
});
afterAll(async () => server.close());
afterEach(() => vi.restoreAllMocks());

describe('workbench import URL of a PDF that is an older text-only source', () => {
  it('gives that source its pages and says so, with carried and orphaned counts; no source is added', async () => {
    const dir = tempDir('wb-cli-capture-');
    const wb = await Workbench.open(dir, { autoBackup: false });
    const old = addDocument(wb, { kind: 'pdf', text: pdfText, meta: { ...emptyMeta(), title: 'Harbour brief' } }, 'brief.pdf');
    if (!old.ok) throw new Error(old.error.message);
    const start = pdfText.indexOf('grain corridor');
    const h = createHighlight(wb, { sourceId: old.value.source.id, start, end: start + 'grain corridor'.length, color: 'green', tagIds: [], note: '' });
    if (!h.ok) throw new Error(h.error.message);
    await wb.close();

    const url = server.url('/brief.pdf');
    const r = await run('--workspace', dir, 'import', '--no-print', url);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(`[1/1] ${url}: capturing…`);
    expect(lines[1]).toMatch(new RegExp(`^\\[1/1\\] ${url.replace(/[.]/g, '\\.')}: gave “Harbour brief” \\(${old.value.source.id}\\) its pages \\(2 pages\\); 1 highlight carried, 0 orphaned in \\d+\\.\\d s$`));
    expect(lines).toHaveLength(2);

    const json = await run('--workspace', dir, '--json', 'import', '--no-print', url);
    // The second time it is a plain duplicate: the source already has its pages.
    expect(JSON.parse(json.out)).toMatchObject([{ url, ok: true, duplicate: true, source: { id: old.value.source.id } }]);
    expect(JSON.parse(json.out)[0].upgraded).toBeUndefined();

    const after = await Workbench.open(dir, { readOnly: true });
    expect(after.state.all('sources')).toHaveLength(1);
    const source = after.state.get('sources', old.value.source.id)!;
    expect(source.pdf?.pageCount).toBe(2);
    expect(source.capture?.requestedUrl).toBe(url);
    expect(after.state.get('highlights', h.value.id)).toEqual(h.value);
    await after.close();
  });
});
