/** The exchange CLI end to end through runCli: export the workspace in each reference and QDA format, import them back. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { buildSampleWorkspace } from '../../../tests/support/dossier-fixture';
import { runCli } from '../main';

let dir = '';
let out = '';
let stdout = '';
let stderr = '';

beforeEach(async () => {
  dir = tempDir();
  out = tempDir('wb-cli-out-');
  const ws = await buildSampleWorkspace(dir, sampleArticle());
  await ws.wb.close();
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation((...args) => { stdout += `${args.join(' ')}\n`; });
  vi.spyOn(console, 'error').mockImplementation((...args) => { stderr += `${args.join(' ')}\n`; });
});
afterEach(() => vi.restoreAllMocks());

const cli = async (workspace: string, ...args: string[]) => {
  stdout = '';
  stderr = '';
  const code = await runCli(['--workspace', workspace, ...args]);
  return { code, stdout, stderr };
};

describe('workbench export workspace / import-exchange', () => {
  it('writes CSL-JSON, BibTeX and RIS files of the sources', async () => {
    for (const [format, name] of [['csl', 'r.json'], ['bibtex', 'r.bib'], ['ris', 'r.ris']] as const) {
      expect((await cli(dir, 'export', 'workspace', '--format', format, '--out', path.join(out, name))).code).toBe(0);
    }
    expect(JSON.parse(fs.readFileSync(path.join(out, 'r.json'), 'utf8'))[0]).toMatchObject({ type: 'webpage', publisher: 'Anadolu Agency', issued: { 'date-parts': [[2022, 10, 12]] } });
    expect(fs.readFileSync(path.join(out, 'r.bib'), 'utf8')).toMatch(/^@online\{[a-z]+2022,\n {2}title = \{\{Türkiye will continue/);
    expect(fs.readFileSync(path.join(out, 'r.ris'), 'utf8')).toContain('PB  - Anadolu Agency\r\n');
    expect(fs.readdirSync(out).sort()).toEqual(['r.bib', 'r.json', 'r.ris']);
  });

  it('exports a .qdpx and imports it into another workspace, printing what was added; a bad file exits non-zero with the reason', async () => {
    const file = path.join(out, 'w.qdpx');
    expect((await cli(dir, 'export', 'workspace', '--format', 'qdpx', '--out', file)).code).toBe(0);
    const other = tempDir();
    const imported = await cli(other, 'import-exchange', file, '--format', 'qdpx');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('1 sources added (0 already present), 0 tags added, 3 highlights added (0 already present), 0 memos attached');
    const again = await cli(other, '--json', 'import-exchange', file, '--format', 'qdpx');
    expect(JSON.parse(again.stdout)).toMatchObject({ format: 'qdpx', sourcesExisting: 1, duplicates: 3 });

    const bad = path.join(out, 'bad.qdpx');
    fs.writeFileSync(bad, 'not a zip');
    const refused = await cli(other, 'import-exchange', bad, '--format', 'qdpx');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('not a zip archive');
  });

  it('imports CSL-JSON to update source details, and refuses an unknown format as a usage error', async () => {
    const csl = path.join(out, 'z.json');
    fs.writeFileSync(csl, JSON.stringify([{ id: 'z1', type: 'webpage', title: 'Corrected', URL: 'https://www.aa.com.tr/en/politics/turkiye-kazakhstan/2708101' }]));
    const r = await cli(dir, 'import-exchange', csl, '--format', 'csl');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 references: 1 sources updated, 0 unchanged, 0 not matched');
    expect((await cli(dir, 'export', 'workspace', '--format', 'docx')).code).toBe(2);
    expect((await cli(dir, 'import-exchange', csl, '--format', 'ris')).code).toBe(2);
  });
});
