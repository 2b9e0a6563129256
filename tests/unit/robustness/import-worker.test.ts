/** HTML/PDF parsing runs in a limited worker: hostile pages are refused fast, and the calling thread stays responsive. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '../../../electron/services/import';
import { importWorkersStarted } from '../../../electron/services/import/importInWorker';
import { fixtureBytes, utf8 } from '../../support/import-files';
import { makeTestPdf } from '../../support/test-pdf';
import { gapMeter } from '../../support/large-sources';
import { builtImportWorker, ensureBuilt } from '../../robustness/build';
import { runCli } from '../../robustness/child';
import { tempDir } from '../helpers';

const LONG = process.env.WORKBENCH_LONG_TESTS === '1';
const worker = (extra: { timeoutMs?: number; maxHeapMb?: number } = {}) => ({ worker: { script: builtImportWorker, ...extra } });

/** An ordinary article page of about `bytes` characters, one paragraph per ~180. */
function articlePage(bytes: number): string {
  const parts = ['<!doctype html><html><head><title>Big article</title></head><body><article><h1>Big article</h1>\n'];
  for (let i = 0, n = 0; n < bytes; i++) {
    const p = `<p>Paragraph ${i}: negotiators met again on Tuesday to discuss the pipeline, its financing and the schedule.</p>\n`;
    parts.push(p);
    n += p.length;
  }
  return `${parts.join('')}</article></body></html>`;
}

/** Runs `work` while a 10 ms ticker measures the longest gap between ticks (how long the thread was blocked). */
async function maxTickGap<T>(work: () => Promise<T>): Promise<{ value: T; gap: number }> {
  const meter = gapMeter(10);
  try {
    return { value: await work(), gap: meter.stop().maxGapMs };
  } finally {
    meter.stop();
  }
}

const nestedDivs = `<!doctype html><html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}</body></html>`;
let files: string;

beforeAll(async () => {
  await ensureBuilt();
  files = tempDir('wb-import-worker-');
}, 180_000);

describe('import worker', () => {
  it('gives the same document in the worker as in-process', async () => {
    const inWorker = await importBytes('hostile-article.html', fixtureBytes('hostile-article.html'), worker());
    const here = await importBytes('hostile-article.html', fixtureBytes('hostile-article.html'), { worker: 'in-process' });
    expect(inWorker.ok).toBe(true);
    expect(inWorker).toEqual(here);
  }, 60_000);

  it('reads a PDF in the worker', async () => {
    const r = await importBytes('two.pdf', makeTestPdf({ pages: [['First page text.'], ['Second page text.']] }), worker());
    expect(r.ok ? r.value.text : r.error.message).toBe('First page text.\n\nSecond page text.');
  }, 60_000);

  it('reuses one worker for a run of imports, and replaces it after one is stopped', async () => {
    await importBytes('warm.html', fixtureBytes('hostile-article.html'), worker());
    const before = importWorkersStarted();
    for (let i = 0; i < 5; i++) {
      const r = await importBytes(`page-${i}.html`, fixtureBytes('hostile-article.html'), worker());
      expect(r.ok).toBe(true);
    }
    expect(importWorkersStarted()).toBe(before);
    const stopped = await importBytes('slow.html', utf8(articlePage(200_000)), worker({ timeoutMs: 50 }));
    expect(stopped.ok).toBe(false);
    const after = await importBytes('again.html', fixtureBytes('hostile-article.html'), worker());
    expect(after.ok).toBe(true);
    expect(importWorkersStarted()).toBe(before + 1); // the stopped worker is not reused: one fresh one after it
  }, 60_000);

  it('stops a parse that runs past its time limit and refuses the page as timed out', async () => {
    const r = await importBytes('slow.html', utf8(articlePage(200_000)), worker({ timeoutMs: 50 }));
    expect(r.ok ? null : r.error).toEqual({
      reason: 'timed_out', fileName: 'slow.html',
      message: 'slow.html: reading the page took longer than 0.05 s, so it was stopped (it is too large or complex to import)',
    });
  }, 60_000);

  it('turns the worker running out of memory into a rejection, and the host carries on', async () => {
    const r = await importBytes('big.html', utf8(articlePage(2_000_000)), worker({ maxHeapMb: 24 }));
    expect(r.ok ? null : r.error).toEqual({
      reason: 'too_complex', fileName: 'big.html',
      message: 'big.html: the page is too large or complex to import (it needed more than 24 MB of memory)',
    });
    const after = await importBytes('hostile-article.html', fixtureBytes('hostile-article.html'), worker());
    expect(after.ok).toBe(true);
  }, 60_000);

  it('keeps the calling thread responsive while a large allowed page is parsed (ticks never more than 500 ms apart)', async () => {
    // In-process this page blocks the thread for seconds; in the worker only the message hand-off is on this thread.
    const page = utf8(articlePage(1_000_000));
    const { value, gap } = await maxTickGap(() => importBytes('large.html', page, worker()));
    expect(value.ok).toBe(true);
    expect(gap).toBeLessThan(500);
  }, 120_000);
});

describe('CLI (built, worker by default)', () => {
  it('refuses the 100,000-nested-div page fast with a one-line message and exit code 1, adding nothing', () => {
    const dir = tempDir('wb-import-cli-');
    const page = path.join(files, 'page.html');
    fs.writeFileSync(page, nestedDivs);
    const r = runCli(dir, ['import', page]);
    expect(r.stderr).toBe('error: page.html: the page nests elements more than 1,000 deep (the limit is 1,000)\n');
    expect(r.code).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'texts'))).toEqual([]);
  }, 90_000);

  it('imports an ordinary HTML page and a PDF', () => {
    const dir = tempDir('wb-import-cli-');
    fs.writeFileSync(path.join(files, 'article.html'), fixtureBytes('hostile-article.html'));
    fs.writeFileSync(path.join(files, 'doc.pdf'), makeTestPdf({ pages: [['A PDF page about pipelines.']] }));
    const r = runCli(dir, ['import', path.join(files, 'article.html'), path.join(files, 'doc.pdf')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/article\.html: imported “Pipeline talks resume in Astana”/);
    expect(r.stdout).toMatch(/doc\.pdf: imported/);
    expect(r.code).toBe(0);
  }, 90_000);

  it.runIf(LONG)('refuses a 45 MB page (under the 50 MB file limit) quickly from its size', () => {
    const dir = tempDir('wb-import-cli-');
    const page = path.join(files, 'huge.html');
    fs.writeFileSync(page, articlePage(45 * 1024 * 1024));
    const r = runCli(dir, ['import', page]);
    expect(r.stderr).toMatch(/^error: huge\.html: the page is too large to import as HTML \(45\.0 MB of HTML; the limit is 5\.0 MB\)\n$/);
    expect(r.code).toBe(1);
  }, 120_000);

  it.runIf(LONG)('imports a 4.5 MB article page (just under the HTML limit) in the worker', () => {
    const dir = tempDir('wb-import-cli-');
    const page = path.join(files, 'large.html');
    fs.writeFileSync(page, articlePage(4.5 * 1024 * 1024));
    const r = runCli(dir, ['import', page]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);
});
