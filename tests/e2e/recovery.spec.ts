/** Recovery and maintenance in Chromium: back up through the UI, damage the workspace, restore from the recovery screen; the doctor on a fresh workspace. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { newWorkspace, startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

const SAMPLE_TITLE = 'Türkiye will continue to support';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/**
 * Damages the workspace as a bad disk or a sync tool would: the middle line of the journal gets other content
 * under its old checksum. (If the journal was folded into snapshot.json on close, the snapshot is damaged instead.)
 * Returns the name of the damaged file.
 */
function damageWorkspace(dir: string): string {
  const journal = path.join(dir, 'journal.log');
  const lines = fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8').split('\n').filter((l) => l !== '') : [];
  if (lines.length === 0) {
    fs.writeFileSync(path.join(dir, 'snapshot.json'), 'null');
    return 'snapshot.json';
  }
  const middle = Math.floor(lines.length / 2);
  const checksum = lines[middle]!.slice(0, 8);
  lines[middle] = `${checksum} {"seq":${middle + 1},"damaged":true}`;
  fs.writeFileSync(journal, `${lines.join('\n')}\n`);
  return 'journal.log';
}

test('a damaged workspace opens in recovery mode, and restoring the recommended backup brings the library back', async ({ page }) => {
  const workspace = newWorkspace();
  server = await startServer(workspace);
  await openApp(page, server);

  // A backup through the UI, before the highlight.
  await page.getByTestId('nav-maintenance').click();
  await expect(page.getByTestId('maintenance-screen')).toBeVisible();
  await expect(page.getByTestId('maintenance-path')).toHaveText(workspace);
  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row').first()).toContainText('Verified');

  const [source] = await callApi<{ id: string }[]>(server, 'sources.list', {});
  await callApi(server, 'highlights.create', { sourceId: source!.id, start: 0, end: 20, color: 'yellow' });

  await server.stop('SIGTERM');
  const damaged = damageWorkspace(workspace);
  server = await startServer(workspace);
  await page.goto(server.url);

  const recovery = page.getByTestId('recovery-screen');
  await expect(recovery).toBeVisible();
  // Only the recovery screen: none of the app's navigation.
  await expect(page.getByTestId('nav-library')).toHaveCount(0);
  await expect(page.getByTestId('recovery-message')).toContainText(damaged);
  await expect(page.getByTestId('recovery-quarantined')).toContainText(`${workspace}/quarantine/${damaged}.`);
  await expect(page.getByTestId('recovery-continue')).toBeVisible();
  await expect(page.getByTestId('recovery-recommended')).toContainText('1 source · 0 highlights');
  const quarantined = fs.readdirSync(path.join(workspace, 'quarantine'));
  expect(quarantined.some((f) => f.startsWith(`${damaged}.`))).toBe(true);

  await page.getByTestId('recovery-restore').click();
  await expect(page.getByTestId('restore-dialog')).toContainText('quarantine/');
  await page.getByTestId('confirm-submit').click();

  // The normal app appears without a page reload, with the library as the backup had it.
  await expect(recovery).toHaveCount(0);
  await expect(page.getByTestId('library-table')).toBeVisible();
  const rows = page.getByTestId('library-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(SAMPLE_TITLE);
  await expect(rows.first().getByTestId('library-row-count')).toHaveText('0');
  await expect(page.getByText('Backup restored')).toBeVisible();
  // The damaged file is still there, and so are the files the restore replaced.
  expect(fs.readdirSync(path.join(workspace, 'quarantine')).length).toBeGreaterThanOrEqual(2);
});

test('the workspace check finds no problems on a fresh workspace', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('nav-maintenance').click();
  await expect(page).toHaveURL(/#\/maintenance$/);
  await expect(page.getByTestId('maintenance-counts')).toContainText('1 source · 0 highlights · 0 tags');
  await expect(page.getByTestId('backups-empty')).toBeVisible();

  const checked = page.waitForResponse((r) => r.url().includes('/api/workspace.doctor'));
  await page.getByTestId('doctor-run').click();
  expect((await (await checked).json()).ok).toBe(true);
  await expect(page.getByTestId('doctor-ok')).toBeVisible();
  await expect(page.getByTestId('doctor-problem')).toHaveCount(0);
});
