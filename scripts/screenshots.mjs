// Takes screenshots of the main screens in Debian's Chromium (for the README and for checking by eye).
// Usage: node scripts/screenshots.mjs [OUT_DIR]   (builds first if needed via the serve script's build)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/screenshots'));
fs.mkdirSync(out, { recursive: true });
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-shots-'));
const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

const server = spawn(process.execPath, [path.join(root, 'out/main/server.js'), '--workspace', workspace], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let buf = '';
  server.stdout.on('data', (d) => {
    buf += d;
    const line = buf.split('\n').find((l) => l.startsWith('http://127.0.0.1'));
    if (line) resolve(line.trim());
  });
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});

const api = async (method, body) => {
  const u = new URL(url);
  const r = await fetch(`${u.origin}/api/${method}`, { method: 'POST', headers: { 'x-workbench-token': u.searchParams.get('token'), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const j = await r.json();
  if (!j.ok) throw new Error(`${method}: ${j.error.message}`);
  return j.value;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // Some marks to show: a tagged, noted highlight and a few more in other colours.
  const [source] = await api('sources.list', {});
  const { text } = await api('sources.open', { id: source.id });
  const claim = await api('tags.create', { name: 'claim', parentId: null });
  const trade = await api('tags.create', { name: 'trade', parentId: null });
  const mark = async (needle, color, tagIds = [], note = '') => {
    const start = text.indexOf(needle);
    return api('highlights.create', { sourceId: source.id, start, end: start + needle.length, color, tagIds, note });
  };
  await mark(SENTENCE, 'yellow', [claim.id], 'Erdoğan commits to Kazakhstan’s territorial integrity.');
  await mark('aim to raise bilateral trade volume to $10 billion', 'green', [trade.id]);
  await mark('closest and most reliable', 'blue', [claim.id]);
  await mark('The Kremlin confirmed that Putin will meet Erdoğan in Astana on Thursday.', 'pink');

  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: scheme });
    await page.goto(url);
    await page.getByTestId('library-table').waitFor();
    if (scheme === 'light') await page.screenshot({ path: path.join(out, 'library.png') });
    await page.getByTestId('library-row').first().click();
    await page.getByTestId('highlight').first().waitFor();
    await page.getByTestId('highlight').first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `reader-${scheme}.png`) });
    if (scheme === 'light') {
      await page.getByTestId('nav-tags').click();
      await page.getByTestId('tag-row').first().click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, 'tags.png') });
    }
    const extra = process.env.SHOTS_EXTRA;
    if (extra && scheme === 'light') {
      for (const route of extra.split(',')) {
        await page.goto(`${new URL(url).origin}/#/${route}`);
        await page.waitForTimeout(800);
        await page.screenshot({ path: path.join(out, `${route.replace(/\W+/g, '-')}.png`) });
      }
    }
    await page.close();
  }
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
