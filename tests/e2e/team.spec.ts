/**
 * Team workspaces end to end (issue 18): a throwaway PostgreSQL cluster; workspace A in browser mode shared through the
 * Team panel; workspace B joined with the CLI and served by a second browser-mode process. B's highlight shows in A's
 * activity and reader; a forced conflict (A edits while its database path is cut) is listed and resolved with "Keep theirs".
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTeamFixture, type TeamFixture } from '../support/team-fixture';
import { callApi, openApp } from './helpers';
import { newWorkspace, startServer, type E2EServer } from './server';

const root = path.resolve(import.meta.dirname, '../..');
const pw = (login: string) => `${login}-secret-pw`; // as tests/support/team-fixture.ts

/** A TCP relay in front of the database that the test cuts and restores, like a network outage. */
async function relay(port: number) {
  const sockets = new Set<net.Socket>();
  const make = () => net.createServer((inbound) => {
    const outbound = net.connect(port, '127.0.0.1');
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s)).on('error', () => undefined);
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  let server = make();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const own = (server.address() as net.AddressInfo).port;
  return {
    port: own,
    async down() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
    async up() {
      server = make();
      await new Promise<void>((r) => server.listen(own, '127.0.0.1', r));
    },
  };
}

let fx: TeamFixture;
const servers: E2EServer[] = [];
test.afterAll(async () => {
  for (const s of servers) await s.stop();
  await fx?.close();
});

test('two workbench processes on one team database: share, join, see each other, resolve a conflict, see who created what', async ({ page, browser }) => {
  test.setTimeout(180_000);
  fx = await startTeamFixture();
  const net1 = await relay(fx.cluster.port);
  const urlA = `postgresql://alice@127.0.0.1:${net1.port}/team`;
  const urlB = `postgresql://bob@127.0.0.1:${fx.cluster.port}/team`;

  // A: browser mode, seeded with the sample; shared through the Team panel form.
  const a = await startServer();
  servers.push(a);
  await openApp(page, a);
  await page.getByTestId('nav-team').click();
  await expect(page.getByTestId('team-memory-note')).toBeVisible();
  await page.screenshot({ path: '/tmp/team-panel-form.png', fullPage: true });
  await page.getByTestId('team-db').fill(urlA);
  await page.getByTestId('team-password').fill(pw('alice'));
  await page.getByTestId('team-title').fill('Case X');
  await page.getByTestId('team-submit').click();
  await expect(page.getByTestId('team-connection')).toHaveText('online');
  const teamId = (await page.getByTestId('team-id-shown').textContent())!.trim();
  await (await fx.as('alice')).addMember(teamId, 'bob', 'editor');

  // B: joined with the CLI into an empty folder, then served by a second process (which asks for the password again).
  const dirB = newWorkspace();
  execFileSync(process.execPath, [path.join(root, 'out/main/cli.js'), '--workspace', dirB, 'team', 'join', '--db', urlB, '--team', teamId], {
    cwd: root, env: { ...process.env, WORKBENCH_TEAM_PASSWORD: pw('bob') }, stdio: 'pipe',
  });
  const b = await startServer(dirB);
  servers.push(b);
  expect(await callApi(b, 'team.status', {})).toMatchObject({ linked: true, needsPassword: true });
  await callApi(b, 'team.unlock', { password: pw('bob') });
  const [source] = await callApi<{ id: string; title: string }[]>(b, 'sources.list', {});
  const h = await callApi<{ id: string; quote: { exact: string } }>(b, 'highlights.create', { sourceId: source!.id, start: 0, end: 24, color: 'green' });
  await callApi(b, 'team.sync', {});

  // A's background sync (LISTEN/NOTIFY) pulls it; the panel's activity names bob and the passage.
  const item = page.getByTestId('team-activity-item').filter({ hasText: 'bob' }).first();
  await expect(item).toContainText(h.quote.exact.slice(0, 12), { timeout: 15_000 });
  // Members are read when syncing by hand (and every so often in the background).
  await page.getByTestId('team-sync').click();
  await expect(page.getByTestId('team-members')).toContainText('bob');
  await page.screenshot({ path: '/tmp/team-panel-light.png', fullPage: true });
  await page.goto(`${a.url}#/reader/${encodeURIComponent(source!.id)}`);
  await expect(page.locator(`[data-testid="highlight"][data-highlight-ids~="${h.id}"]`).first()).toBeVisible();
  // With A's reader open and left alone (no focus change, no navigation), B's next highlight appears in it.
  const live = await callApi<{ id: string }>(b, 'highlights.create', { sourceId: source!.id, start: 40, end: 60, color: 'blue' });
  await callApi(b, 'team.sync', {});
  await expect(page.locator(`[data-testid="highlight"][data-highlight-ids~="${live.id}"]`).first()).toBeVisible({ timeout: 10_000 });

  // A forced conflict: both change one claim's statement while A cannot reach the database.
  const claim = await callApi<{ id: string }>(a, 'claims.create', {
    claimantId: null, statement: 'Base', type: 'fact', claimedAt: '', credibility: 3, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [],
  });
  await callApi(a, 'team.sync', {});
  await callApi(b, 'team.sync', {});
  await net1.down();
  await callApi(a, 'claims.update', { id: claim.id, statement: 'Alice says' });
  await callApi(b, 'claims.update', { id: claim.id, statement: 'Bob says' });
  await callApi(b, 'team.sync', {});
  await net1.up();
  await page.getByTestId('nav-team').click();
  await expect(page.getByTestId('team-sync')).toBeEnabled();
  await page.getByTestId('team-sync').click();
  const conflict = page.getByTestId('team-conflict');
  await expect(conflict).toContainText('Alice says', { timeout: 15_000 });
  await expect(conflict).toContainText('Bob says');
  await expect(conflict).toContainText('bob');
  await page.screenshot({ path: '/tmp/team-panel-conflict.png', fullPage: true });
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
  await page.screenshot({ path: '/tmp/team-panel-dark.png', fullPage: true });
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
  await conflict.getByTestId('team-keep-theirs').click();
  await expect(page.getByTestId('team-conflict')).toHaveCount(0);
  const after = await callApi<{ statement: string }[]>(a, 'claims.list', {});
  expect(after.find((c) => (c as unknown as { id: string }).id === claim.id)?.statement).toBe('Bob says');
  await callApi(a, 'team.sync', {});
  await callApi(b, 'team.sync', {});
  const onB = await callApi<{ id: string; statement: string }[]>(b, 'claims.list', {});
  expect(onB.find((c) => c.id === claim.id)?.statement).toBe('Bob says');

  // Authorship: A makes a highlight and an entity; B's feed says alice created them, B's views name her as the creator.
  const madeByA = await callApi<{ id: string }>(a, 'highlights.create', { sourceId: source!.id, start: 30, end: 60, color: 'yellow' });
  const { entity } = await callApi<{ entity: { id: string } }>(a, 'entities.create', { type: 'person', name: 'Kassym-Jomart Tokayev' });
  await callApi(a, 'team.sync', {});
  await callApi(b, 'team.sync', {});
  const pageB = await browser.newPage();
  await openApp(pageB, b);
  await pageB.getByTestId('nav-team').click();
  await expect(pageB.getByTestId('team-activity-item').filter({ hasText: 'alice created highlight' }).first()).toBeVisible({ timeout: 15_000 });
  await expect(pageB.getByTestId('team-activity-item').filter({ hasText: 'alice created entity Kassym-Jomart Tokayev' })).toHaveCount(1);
  await pageB.goto(`${b.url}#/reader/${encodeURIComponent(source!.id)}`);
  await pageB.locator(`[data-testid="highlight-list-item"][data-highlight-id="${madeByA.id}"]`).click();
  const editor = pageB.getByTestId('highlight-editor');
  await expect(editor).toHaveAttribute('data-highlight-id', madeByA.id);
  await expect(editor.getByTestId('team-author')).toHaveText(/^Created by alice, (just now|\d+ min ago)$/);
  await pageB.goto(`${b.url}#/entity/${encodeURIComponent(entity.id)}`);
  await expect(pageB.getByTestId('entity-page').getByTestId('team-author')).toHaveText(/^Created by alice, /);
  await shoot(pageB, '/tmp/team-author-entity');

  // B changes A's highlight in its editor: the line names both, the creator first, at once (not once pushed or reopened).
  await pageB.goto(`${b.url}#/reader/${encodeURIComponent(source!.id)}`);
  await pageB.locator(`[data-testid="highlight-list-item"][data-highlight-id="${madeByA.id}"]`).click();
  await expect(editor.getByTestId('team-author')).toHaveText(/^Created by alice, /);
  await editor.getByTestId('panel-note').fill('checked by bob');
  await editor.getByTestId('panel-note-save').click();
  await expect(editor.getByTestId('team-author')).toHaveText(/^Created by alice · last changed by you, (just now|\d+ min ago)$/);
  await callApi(b, 'team.sync', {});
  await shoot(pageB, '/tmp/team-author-highlight');
  await pageB.close();
});

/** Light and dark screenshots of what the page shows now. */
async function shoot(p: import('@playwright/test').Page, base: string) {
  await p.screenshot({ path: `${base}-light.png` });
  await p.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
  await p.screenshot({ path: `${base}-dark.png` });
  await p.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
}

test('a workspace not linked to a team asks nothing about authors: none on the reader\'s first load, no team.authorOf on record views', async ({ page }) => {
  const s = await startServer();
  servers.push(s);
  const [source] = await callApi<{ id: string }[]>(s, 'sources.list', {});
  const h = await callApi<{ id: string }>(s, 'highlights.create', { sourceId: source!.id, start: 0, end: 24, color: 'green' });
  const { entity } = await callApi<{ entity: { id: string } }>(s, 'entities.create', { type: 'person', name: 'Kassym-Jomart Tokayev' });
  const asked: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/(team\.[A-Za-z]+)/.exec(r.url());
    if (m) asked.push(m[1]!);
  });
  await page.goto(`${s.url}#/reader/${encodeURIComponent(source!.id)}`);
  await expect(page.locator('[data-testid="reader-text"] mark').first()).toBeVisible();
  await page.waitForTimeout(1000);
  expect(asked, 'the reader\'s first load asked the team service').toEqual([]);
  await page.locator(`[data-testid="highlight-list-item"][data-highlight-id="${h.id}"]`).click();
  await expect(page.getByTestId('highlight-editor')).toHaveAttribute('data-highlight-id', h.id);
  await page.goto(`${s.url}#/entity/${encodeURIComponent(entity.id)}`);
  await expect(page.getByTestId('entity-page')).toBeVisible();
  await page.waitForTimeout(500);
  // Only the (cached) link status is read, to know there is no team; never who made a record.
  expect(asked.filter((m) => m !== 'team.status')).toEqual([]);
  await expect(page.getByTestId('team-author')).toHaveCount(0);
});
