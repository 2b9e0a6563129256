/** Imports that must be refused quickly, with a message naming the file and the reason, leaving the workspace unchanged. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Workbench } from '../../../electron/services/workbench/workbench';
import { importFile } from '../../../electron/services/workbench/sources';
import { parseArgs } from '../../../electron/cli/args';
import { commands } from '../../../electron/cli/commands';
import { makeTestPdf } from '../../support/test-pdf';
import { pseudoRandomBytes } from '../../support/import-files';
import { ensureBuilt } from '../../robustness/build';
import { runCli } from '../../robustness/child';
import { sampleArticle, tempDir } from '../helpers';

const MB = 1024 * 1024;
let dir: string;
let files: string;

/** Everything a refused import must leave as it was: records, history, journal bytes, text files. */
function fingerprint(): string {
  const journal = path.join(dir, 'journal.log');
  return JSON.stringify([
    fs.existsSync(journal) ? fs.readFileSync(journal, 'base64') : '',
    fs.readdirSync(path.join(dir, 'texts')).sort(),
    fs.existsSync(path.join(dir, 'snapshot.json')) ? fs.readFileSync(path.join(dir, 'snapshot.json'), 'base64') : '',
  ]);
}

const cases: { name: string; file: string; bytes: () => Uint8Array; reason: string; says: RegExp }[] = [
  { name: 'random bytes named .html', file: 'page.html', bytes: () => pseudoRandomBytes(64 * 1024), reason: 'binary', says: /page\.html: .*binary/ },
  { name: 'random bytes named .pdf', file: 'report.pdf', bytes: () => pseudoRandomBytes(64 * 1024, 7), reason: 'malformed_pdf', says: /report\.pdf: not a valid PDF/ },
  { name: 'invalid UTF-8', file: 'notes.txt', bytes: () => Buffer.concat([Buffer.from('Valid start, then '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(' more.')]), reason: 'invalid_utf8', says: /notes\.txt: not valid UTF-8 \(byte 0xC3 at offset 18\)/ },
  { name: 'UTF-16 text', file: 'wide.txt', bytes: () => Buffer.from('\uFEFFhello world', 'utf16le'), reason: 'invalid_utf8', says: /wide\.txt: .*UTF-16/ },
  { name: 'a 10 MB single line (under the size cap)', file: 'one-line.txt', bytes: () => Buffer.alloc(10 * MB, 'a'), reason: 'line_too_long', says: /one-line\.txt: a single line is longer than 1,000,000 characters/ },
  { name: 'a malformed PDF', file: 'broken.pdf', bytes: () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF garbage'), reason: 'malformed_pdf', says: /broken\.pdf: / },
  { name: 'a PDF with embedded JavaScript', file: 'scripted.pdf', bytes: () => makeTestPdf({ pages: [['Hello']], openActionJavaScript: 'app.alert(1)' }), reason: 'pdf_javascript', says: /scripted\.pdf: .*JavaScript/ },
  { name: 'an empty file', file: 'empty.md', bytes: () => new Uint8Array(0), reason: 'empty', says: /empty\.md: the file is empty/ },
];

beforeAll(async () => {
  dir = tempDir('wb-hostile-');
  files = tempDir('wb-hostile-files-');
  const wb = await Workbench.open(dir);
  expect((await importFile(wb, 'sample.txt', sampleArticle())).ok).toBe(true);
  await wb.close();
  await ensureBuilt();
}, 120_000);
afterAll(() => fs.rmSync(files, { recursive: true, force: true }));

describe('hostile imports', () => {
  it.each(cases)('refuses $name with a clear message, changing nothing', async (c) => {
    const wb = await Workbench.open(dir);
    const before = fingerprint();
    // A plain Uint8Array, as the service declares (pdf.js refuses Node Buffers; see the report).
    const r = await importFile(wb, c.file, new Uint8Array(c.bytes()));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import_rejected');
      expect(r.error.details).toMatchObject({ reason: c.reason });
      expect(r.error.message).toMatch(c.says);
    }
    expect(fingerprint()).toBe(before);
    await wb.close();
  });

  it('the CLI refuses a 1 GB file from its size alone, without reading it', async () => {
    const big = path.join(files, 'huge.txt');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 1024 * MB); // sparse: no gigabyte is written or allocated
    const read = vi.spyOn(fs, 'readFileSync');
    const errors: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (errors.push(String(s)), true));
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const before = fingerprint();
    const code = await commands.import!(parseArgs(['import', big]), dir, true);
    stderr.mockRestore();
    stdout.mockRestore();
    expect(read.mock.calls.some(([p]) => String(p) === big)).toBe(false);
    read.mockRestore();
    expect(code).toBe(1);
    expect(errors.join('')).toMatch(/huge\.txt: the file is too large \(1024\.0 MB; the limit is 50\.0 MB\)/);
    expect(fingerprint()).toBe(before);
    // And the real command line, end to end.
    const r = runCli(dir, ['import', big]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.txt: the file is too large/);
    expect(fingerprint()).toBe(before);
  });

  it('the CLI refuses a 20 MB file that is one line (under the size limit) as a line too long', () => {
    const line = path.join(files, 'long-line.txt');
    fs.writeFileSync(line, Buffer.alloc(20 * MB, 'y'));
    const before = fingerprint();
    const r = runCli(dir, ['import', line]);
    fs.rmSync(line);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/long-line\.txt: a single line is longer than 1,000,000 characters/);
    expect(fingerprint()).toBe(before);
    console.log(`hostile imports: ${cases.length + 2} refused (service: ${cases.map((c) => c.reason).join(', ')}; CLI: 1 GB sparse file by size, 20 MB single line), workspace unchanged after each`);
  });
});
