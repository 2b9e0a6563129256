/**
 * Browser mode's exports stay downloads (the Data menu's W3C annotations and GraphML, a dossier's Markdown, named as
 * before); with a desktop bridge present (a stand-in injected into Chromium) the same buttons ask the native save
 * dialog instead, and the dossier's bytes never reach the page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
/** Uncaught errors in the page: a crashed screen would otherwise only show as a timeout. */
let pageErrors: string[] = [];
test.beforeEach(({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(`${e.message}\n${e.stack ?? ''}`));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  expect(pageErrors, 'errors in the page').toEqual([]);
});

/** Clicks, waits for the browser download, and answers its suggested name and text. */
async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const downloaded: Promise<Download> = page.waitForEvent('download', { timeout: 30_000 });
  await click();
  const download = await downloaded;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-download-')), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('the Data menu downloads the annotations (W3C) and the graph (GraphML); a dossier downloads as Markdown', async ({ page }) => {
  server = await startServer();
  await callApi(server, 'entities.create', { type: 'place', name: 'Kazakhstan', aliases: [] });
  const dossier = await callApi<{ id: string }>(server, 'dossiers.create', { title: 'Neighbours', subjectIds: [], author: '' });
  await openApp(page, server);

  const annotations = await downloadFrom(page, async () => {
    await page.getByTestId('data-menu').click();
    await page.getByTestId('export-annotations').click();
  });
  expect(annotations.name).toBe('annotations.jsonld');
  expect(JSON.parse(annotations.text).type).toContain('AnnotationCollection');
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Saved annotations.jsonld' })).toBeVisible();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await page.waitForTimeout(400); // the notification's slide-in, so the screenshot shows it whole
  await page.screenshot({ path: '/tmp/data-export-annotations.png' });

  const graph = await downloadFrom(page, async () => {
    await page.getByTestId('data-menu').click();
    await page.getByTestId('export-graphml').click();
  });
  expect(graph.name).toBe('graph.graphml');
  expect(graph.text).toContain('Kazakhstan');

  await page.goto(`${server.url}#/dossier/${dossier.id}`);
  const markdown = await downloadFrom(page, async () => {
    await page.getByTestId('dossier-export').click();
    await page.getByTestId('export-md').click();
  });
  expect(markdown.name).toBe('Neighbours.md');
  expect(markdown.text).toContain('Neighbours');
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('export-stage')).toHaveText('Saved Neighbours.md');
  await page.screenshot({ path: '/tmp/data-export-dossier-md.png' });
});

test('with the desktop bridge, Export asks the save dialog for the finished job and never downloads the file into the page', async ({ page }) => {
  server = await startServer();
  const dossier = await callApi<{ id: string }>(server, 'dossiers.create', { title: 'Neighbours', subjectIds: [], author: '' });
  // The preload's bridge as the renderer sees it; the save dialog answers a path as the desktop shell would.
  await page.addInitScript(() => {
    const asked: unknown[] = [];
    Object.assign(window, {
      savedRequests: asked,
      workbenchDesktop: {
        platform: 'linux',
        onCommand: () => () => undefined,
        readerMenu: async () => ({ ok: true, value: { command: null } }),
        saveExport: async (req: { kind: string }) => {
          asked.push(req);
          return { ok: true, value: { path: req.kind === 'job' ? '/home/analyst/Documents/Neighbours.md' : '/home/analyst/Documents/graph.graphml' } };
        },
      },
    });
  });
  const methods: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) methods.push(r.url().split('/api/')[1]!); });
  let downloads = 0;
  page.on('download', () => { downloads++; });
  await page.goto(`${server.url}#/dossier/${dossier.id}`);
  await page.getByTestId('dossier-export').click();
  await page.getByTestId('export-md').click();
  await expect(page.getByTestId('export-stage')).toHaveText('Saved Neighbours.md');
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Saved to /home/analyst/Documents/Neighbours.md' })).toBeVisible();
  await page.getByTestId('data-menu').click();
  await page.getByTestId('export-graphml').click();
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Saved to /home/analyst/Documents/graph.graphml' })).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/data-export-desktop.png' });

  const asked = await page.evaluate(() => (window as unknown as { savedRequests: { kind: string; jobId?: string }[] }).savedRequests);
  expect(asked.map((r) => r.kind)).toEqual(['job', 'graph']);
  expect(asked[0]!.jobId).toMatch(/^[0-9a-f-]{36}$/);
  expect(methods).toContain('exports.start');
  expect(methods.filter((m) => m.startsWith('exports.download') || m.startsWith('exports.graph'))).toEqual([]);
  expect(downloads).toBe(0);
});
