/** Browser mode: an open tab notices when its server stops or restarts (new token) and says so, with how to reopen. */
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';
import { startServer, type E2EServer } from './server';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('a tab showing cached data says when the server stops, and when it comes back with a new token', async ({ page }) => {
  server = await startServer();
  const { workspace } = server;
  const port = Number(new URL(server.origin).port);
  await openApp(page, server);
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);

  await server.stop();
  server = null;
  // No click, no navigation: the tab finds out by itself within a few seconds.
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toHaveAttribute('data-state', 'unreachable', { timeout: 15_000 });
  await expect(banner).toContainText('The workbench server is not answering');
  await page.screenshot({ path: '/tmp/connection-unreachable.png' });

  // Restarted on the same address: a new per-launch token, so this tab's one is dead.
  server = await startServer(workspace, port);
  await expect(banner).toHaveAttribute('data-state', 'refused', { timeout: 15_000 });
  await expect(banner).toContainText('This tab\'s access has ended');
  await expect(banner).toContainText('npm run serve');
  await expect(page.getByTestId('library-table')).toBeVisible(); // the cached screen stays readable beneath
  await page.screenshot({ path: '/tmp/connection-refused.png' });

  // The new launch URL brings the tab back, without the banner.
  await page.goto(server.url);
  await expect(page.getByTestId('library-table')).toBeVisible();
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);
});

test('the sidebar shows the workspace path as it is, leading slash first', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  const shown = page.getByTestId('workspace-path');
  await expect(shown).toHaveAttribute('title', server.workspace);
  // Where the leading "/" is painted: left of the letters that follow it (an RTL box puts it at the far right).
  const x = await shown.evaluate((el) => {
    const text = [...el.querySelectorAll('*'), el].flatMap((n) => [...n.childNodes]).find((c) => c.nodeType === Node.TEXT_NODE) as Text;
    const at = (i: number) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect().left;
    };
    return { slash: at(0), next: at(1), text: text.data };
  });
  expect(x.text).toBe(server.workspace);
  expect(x.slash).toBeLessThan(x.next);
  await page.getByTestId('workspace-path').screenshot({ path: '/tmp/workspace-path.png' });
});
