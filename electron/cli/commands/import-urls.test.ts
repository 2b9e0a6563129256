/** `workbench import URL…` and `--urls FILE` through runCli against a local HTTP server: progress, results, exit codes. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../main';
import { repoRoot, tempDir } from '../../../tests/unit/helpers';
import { startFixtureServer, type FixtureServer } from '../../../tests/support/http-fixtures';
import { Workbench } from '../../services/workbench/workbench';
import { verifyCapture } from '../../services/capture/capture-files';
import { chromiumAvailable } from '../../services/export/chromium-printer';

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

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.close());
afterEach(() => vi.restoreAllMocks());

const captures = (dir: string) => (fs.existsSync(path.join(dir, 'captures')) ? fs.readdirSync(path.join(dir, 'captures')).sort() : []);

describe('workbench import with web addresses', () => {
  it('captures URLs mixed with files, one progress and one result line each; a failed one exits 1 and stores nothing of it', async () => {
    const dir = tempDir('wb-cli-capture-');
    const news = server.url('/fixture?name=news-jsonld-graph.html&charset=utf-8');
    const missing = server.url('/status/404');
    const r = await run('--workspace', dir, 'import', '--no-print', news, path.join(repoRoot, 'seeds/sample-article.txt'), missing);
    expect(r.code, r.err).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(`[1/2] ${news}: capturing…`);
    expect(lines[1]).toMatch(new RegExp(`^\\[1/2\\] ${news.replace(/[?.]/g, '\\$&')}: imported “Grain corridor talks stall.*” \\([0-9a-f-]{36}\\); no printed copy \\(printing is not available in this host\\) in \\d+\\.\\d s$`));
    expect(lines[2]).toMatch(/sample-article\.txt: imported “/);
    expect(lines[3]).toBe(`[2/2] ${missing}: capturing…`);
    expect(lines).toHaveLength(4);
    expect(r.err).toMatch(new RegExp(`^error: \\[2/2\\] ${missing.replace(/[?.]/g, '\\$&')}: failed: http_status: .*404`));
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    const wb = await Workbench.open(dir, { readOnly: true });
    const sources = wb.state.all('sources');
    expect(sources).toHaveLength(2);
    const captured = sources.find((s) => s.capture)!;
    // Only the successful capture's raw bytes are stored.
    expect(captures(dir)).toEqual([`${captured.capture!.raw.sha256}.blob`]);
    await wb.close();
  });

  it('reads --urls FILE (blank lines and # comments skipped), reports a duplicate, and prints JSON with --json', async () => {
    const dir = tempDir('wb-cli-capture-');
    const a = server.url('/fixture?name=blog-og-only.html');
    const b = server.url('/notes.txt');
    const list = path.join(dir, '..', `urls-${path.basename(dir)}.txt`);
    fs.writeFileSync(list, `# reading list\n\n${a}\n  ${b}  \r\n# again:\n${a}\n`);
    const human = await run('--workspace', dir, 'import', '--no-print', '--urls', list);
    expect(human.code, human.err).toBe(0);
    const results = human.out.split('\n').filter((l) => !l.endsWith('capturing…') && l !== '');
    expect(results).toHaveLength(3);
    expect(results[0]).toMatch(/^\[1\/3\] .*: imported “/);
    expect(results[1]).toMatch(/^\[2\/3\] .*\/notes\.txt: imported “/);
    expect(results[2]).toMatch(/^\[3\/3\] .*: duplicate: already in the workspace as “.*” \([0-9a-f-]{36}\); nothing added in \d+\.\d s$/);
    const json = await run('--workspace', dir, '--json', 'import', '--no-print', '--urls', list);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as Array<{ url: string; ok: boolean; duplicate: boolean }>;
    expect(parsed.map((p) => [p.url, p.ok, p.duplicate])).toEqual([[a, true, true], [b, true, true], [a, true, true]]);
  });

  it('an unreadable --urls file is an error before anything is imported', async () => {
    const dir = tempDir('wb-cli-capture-');
    const r = await run('--workspace', dir, 'import', path.join(repoRoot, 'seeds/sample-article.txt'), '--urls', path.join(dir, 'no-such-list.txt'));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/no-such-list\.txt: cannot read the list of URLs \(ENOENT\)/);
    expect(fs.existsSync(path.join(dir, 'journal.log'))).toBe(false);
  });

  it.runIf(chromiumAvailable())('prints the page with headless Chromium and the printed copy verifies against its hash', async () => {
    const dir = tempDir('wb-cli-capture-');
    const r = await run('--workspace', dir, 'import', server.url('/fixture?name=thinktank-report.html'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(/no printed copy/);
    const wb = await Workbench.open(dir, { autoBackup: false });
    const [source] = wb.state.all('sources');
    const rendered = source!.capture!.rendered!;
    expect(rendered.mediaType).toBe('application/pdf');
    expect(wb.store.captures.get(rendered.sha256)!.subarray(0, 5).toString()).toBe('%PDF-');
    const v = verifyCapture(wb, source!.id);
    expect(v.ok && v.value.ok).toBe(true);
    await wb.close();
  }, 120_000);
});
