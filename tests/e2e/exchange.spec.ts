/** The Data menu's exchange exports and imports in browser mode: "Export for…" downloads, a REFI-QDA project imported from a file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { expect, test, type Download } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { openApp } from './helpers';

let server: E2EServer | null = null;
let pageErrors: string[] = [];
test.beforeEach(({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  expect(pageErrors, 'errors in the page').toEqual([]);
});

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/qdpx/qda-tool');

test('the Data menu exports references for Zotero and imports a REFI-QDA project written by a QDA tool', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('data-menu').click();
  await expect(page.getByTestId('export-exchange-qdpx')).toBeVisible();
  await page.waitForTimeout(300); // the dropdown's transition, so the screenshot shows it whole
  await page.screenshot({ path: '/tmp/data-menu-exchange.png' });

  const downloaded: Promise<Download> = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByTestId('export-exchange-csl').click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('references.json');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-download-')), 'references.json');
  await download.saveAs(file);
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))[0]).toMatchObject({ id: expect.any(String), title: expect.any(String) });

  const files: Record<string, Uint8Array> = { 'project.qde': fs.readFileSync(path.join(FIXTURE, 'project.qde')) };
  for (const f of fs.readdirSync(path.join(FIXTURE, 'sources'))) files[`sources/${f}`] = fs.readFileSync(path.join(FIXTURE, 'sources', f));
  const qdpx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-qdpx-')), 'interviews.qdpx');
  fs.writeFileSync(qdpx, zipSync(files));
  await page.getByTestId('import-qdpx-input').setInputFiles(qdpx);
  await page.getByTestId('exchange-import-submit').click();
  await expect(page.getByTestId('exchange-import-summary')).toContainText('2 sources added');
  await expect(page.getByTestId('exchange-import-summary')).toContainText('5 highlights');
  await page.screenshot({ path: '/tmp/exchange-import-report.png' });
});
