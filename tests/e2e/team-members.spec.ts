/**
 * Team members in the Team panel: the owner adds a colleague's login, changes their role and removes them; demoting the
 * last owner is refused by the database and said so; a non-owner sees roles without menus.
 */
import { expect, test } from '@playwright/test';
import { startTeamFixture, type TeamFixture } from '../support/team-fixture';
import { callApi, openApp } from './helpers';
import { startServer, type E2EServer } from './server';

const pw = (login: string) => `${login}-secret-pw`; // as tests/support/team-fixture.ts

let fx: TeamFixture;
const servers: E2EServer[] = [];
test.afterAll(async () => {
  for (const s of servers) await s.stop();
  await fx?.close();
});

/** Picks `label` in the Mantine Select with test id `testId`. */
async function choose(page: import('@playwright/test').Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

test('an owner manages members in the Team panel; the last owner cannot be demoted', async ({ page }) => {
  test.setTimeout(120_000);
  fx = await startTeamFixture();
  const a = await startServer();
  servers.push(a);
  await openApp(page, a);
  await page.getByTestId('nav-team').click();
  await page.getByTestId('team-db').fill(`postgresql://alice@127.0.0.1:${fx.cluster.port}/team`);
  await page.getByTestId('team-password').fill(pw('alice'));
  await page.getByTestId('team-submit').click();
  await expect(page.getByTestId('team-connection')).toHaveText('online');

  await page.getByTestId('team-add-login').fill('bob');
  await choose(page, 'team-add-role', 'Viewer');
  await page.getByTestId('team-add-submit').click();
  const bobRow = page.locator('[data-testid="team-member-row"][data-login="bob"]');
  await expect(bobRow).toBeVisible();
  await expect(page.getByTestId('team-role-bob')).toHaveValue('Viewer');
  await choose(page, 'team-role-bob', 'Editor');
  await expect(page.getByTestId('team-role-bob')).toHaveValue('Editor');
  const teamId = (await page.getByTestId('team-id-shown').textContent())!.trim();
  expect(await (await fx.as('alice')).members(teamId)).toEqual([{ login: 'alice', role: 'owner' }, { login: 'bob', role: 'editor' }]);
  await page.getByTestId('team-status').screenshot({ path: '/tmp/team-members-owner.png' });

  // An unknown login: the reason is shown, nothing added.
  await page.getByTestId('team-add-login').fill('nobody_here');
  await page.getByTestId('team-add-submit').click();
  await expect(page.getByText(/unknown login nobody_here: ask the database administrator/)).toBeVisible();

  // The last owner: refused by the database, the menu goes back to Owner.
  await choose(page, 'team-role-alice', 'Viewer');
  await expect(page.getByText(/alice is the last owner of this team workspace/)).toBeVisible();
  await expect(page.getByTestId('team-role-alice')).toHaveValue('Owner');
  await page.waitForTimeout(400); // the notification's slide-in, so the screenshot shows it whole
  await page.screenshot({ path: '/tmp/team-members-last-owner.png', fullPage: true });
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
  await page.screenshot({ path: '/tmp/team-members-dark.png', fullPage: true });
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));

  await page.getByTestId('team-remove-bob').click();
  await expect(bobRow).toHaveCount(0);
  expect(await (await fx.as('alice')).members(teamId)).toEqual([{ login: 'alice', role: 'owner' }]);
  expect(await callApi(a, 'team.status', {})).toMatchObject({ members: [{ login: 'alice', role: 'owner' }] });
});
