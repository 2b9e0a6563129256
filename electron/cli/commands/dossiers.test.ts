/** The dossier CLI commands end to end through runCli: draft by name, export to files atomically, import annotations. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { buildSampleWorkspace } from '../../../tests/support/dossier-fixture';
import { chromiumAvailable } from '../../services/export/chromium-printer';
import { runCli } from '../main';

let dir = '';
let out = '';
let stdout = '';

beforeEach(async () => {
  dir = tempDir();
  out = tempDir('wb-cli-out-');
  const ws = await buildSampleWorkspace(dir, sampleArticle());
  await ws.wb.close();
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(console, 'log').mockImplementation((...args) => { stdout += `${args.join(' ')}\n`; });
});
afterEach(() => vi.restoreAllMocks());

const cli = async (...args: string[]) => {
  stdout = '';
  const code = await runCli(['--workspace', dir, ...args]);
  return { code, stdout };
};

describe('workbench dossier commands', () => {
  it('drafts by names (any case, no diacritics), lists, and exports Markdown and JSON to files', async () => {
    const drafted = await cli('--json', 'dossier', 'draft', '--subject', 'turkiye', '--subject', 'KAZAKHSTAN', '--author', 'Ayşe');
    expect(drafted.code).toBe(0);
    const d = JSON.parse(drafted.stdout) as { id: string; title: string };
    expect(d.title).toBe('Türkiye–Kazakhstan relations');
    const list = await cli('--json', 'dossiers');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: d.id })]);

    const md = path.join(out, 'd.md');
    expect((await cli('export', 'dossier', d.id, '--format', 'md', '--out', md)).code).toBe(0);
    expect(fs.readFileSync(md, 'utf8')).toContain(`id: "${d.id}"`);
    const json = path.join(out, 'd.json');
    expect((await cli('export', 'dossier', d.id, '--format', 'json', '--out', json)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).dossier.id).toBe(d.id);
    // Only the finished files: no temp files left behind.
    expect(fs.readdirSync(out).sort()).toEqual(['d.json', 'd.md']);
    expect((await cli('export', 'dossier', 'no-such-id', '--format', 'md', '--out', path.join(out, 'x.md'))).code).toBe(3); // not found
    expect(fs.existsSync(path.join(out, 'x.md'))).toBe(false);
  });

  it('exports annotations and the graph, imports annotations (duplicates counted) and exits 1 on invalid input', async () => {
    const w3c = path.join(out, 'a.jsonld');
    expect((await cli('export', 'annotations', '--format', 'w3c', '--out', w3c)).code).toBe(0);
    expect((await cli('export', 'graph', '--format', 'graphml', '--out', path.join(out, 'g.graphml'))).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'g.graphml'), 'utf8')).toContain('<graphml');
    const again = await cli('--json', 'import-annotations', w3c);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ attached: 0, duplicates: 3, orphans: [] });
    const bad = path.join(out, 'bad.json');
    fs.writeFileSync(bad, '{ not json');
    expect((await cli('import-annotations', bad)).code).toBe(1);
    expect((await cli('dossier', 'draft', '--subject', 'Nobody At All')).code).toBe(3); // not found
  });

  it.skipIf(!chromiumAvailable())('exports a PDF through headless Chromium', async () => {
    const drafted = await cli('--json', 'dossier', 'draft', '--subject', 'Erdogan');
    const { id } = JSON.parse(drafted.stdout) as { id: string };
    const pdf = path.join(out, 'e.pdf');
    expect((await cli('export', 'dossier', id, '--format', 'pdf', '--out', pdf)).code).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
