/** The timeline without a mouse: Tab reaches the canvas, arrows step through the items in time order (each spoken, scrolled
 *  into view), Enter opens what a click opens, Escape closes it and then clears the focus. Screenshots (light and dark) to /tmp. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** A meeting "before 2019", a summit attended in October 2022 (so an event too), a claim of March 2024: four items. */
async function arrange(s: E2EServer) {
  const entity = async (type: string, name: string) => (await callApi<{ entity: { id: string } }>(s, 'entities.create', { type, name })).entity.id;
  const tokayev = await entity('person', 'Kassym-Jomart Tokayev');
  const erdogan = await entity('person', 'Recep Tayyip Erdoğan');
  const summit = await entity('event', 'Astana summit');
  await callApi(s, 'claims.create', {
    claimantId: tokayev, statement: 'Kazakhstan supports Türkiye’s initiatives', type: 'assessment', claimedAt: '2024-03',
    credibility: 2, evidenceHighlightIds: [], aboutEntityIds: [erdogan], tagIds: [],
  });
  await callApi(s, 'relationships.create', { fromId: erdogan, toId: tokayev, type: 'meets_with', startDate: '<2019' });
  const attends = await callApi<{ id: string }>(s, 'relationships.create', { fromId: tokayev, toId: summit, type: 'attends', startDate: '2022-10' });
  return { attends: attends.id };
}

const focusedBar = (page: Page) => page.locator('.vis-item.tl-kbd-focus');

test('Tab reaches the timeline, arrows move item by item in time order, Enter opens the focused one, Escape clears', async ({ page }) => {
  server = await startServer();
  const { attends } = await arrange(server);
  await page.setViewportSize({ width: 1400, height: 800 });
  await openApp(page, server);
  await page.getByTestId('nav-timeline').click();
  await expect(page.locator('.vis-item')).toHaveCount(4);

  const canvas = page.getByRole('application', { name: 'Timeline: 4 items' });
  await expect(canvas).toHaveAttribute('aria-roledescription', 'timeline');
  await expect(canvas).toHaveAccessibleDescription(/Left and right arrow keys/);
  const live = page.getByTestId('timeline-announcer');
  await expect(live).toHaveAttribute('aria-live', 'polite');

  // Tab from the last filter lands on the canvas, and its first item in time is focused and spoken.
  await page.getByTestId('timeline-kind-event').focus();
  for (let i = 0; i < 12 && !(await canvas.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(canvas).toBeFocused();
  await expect(live).toHaveText('Relationship: Recep Tayyip Erdoğan meets with Kassym-Jomart Tokayev, before 2019. 1 of 4');
  await expect(focusedBar(page)).toContainText('before 2019');

  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText('Event: Astana summit, October 2022. 2 of 4');
  await expect(focusedBar(page)).toHaveClass(/tl-event/);
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText('Relationship: Kassym-Jomart Tokayev attends Astana summit, October 2022. 3 of 4');
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText(/^Claim, graded \w\d: Kassym-Jomart Tokayev: Kazakhstan supports Türkiye’s initiatives, March 2024\. 4 of 4$/);
  await expect(focusedBar(page)).toContainText('March 2024');
  await expect(focusedBar(page)).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText('No later item');
  await page.keyboard.press('ArrowLeft');
  await expect(live).toHaveText('Relationship: Kassym-Jomart Tokayev attends Astana summit, October 2022. 3 of 4');

  // Enter opens the focused relationship's details, as a click does; the focus stays on the canvas.
  await page.keyboard.press('Enter');
  const details = page.getByTestId('timeline-details');
  await expect(details).toHaveAttribute('data-item-id', `relationship:${attends}`);
  await expect(canvas).toBeFocused();
  await shoot(page, 'timeline-keyboard');

  // Escape closes the details first, then clears the focus.
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(focusedBar(page)).toHaveCount(1);
  await expect(live).toHaveText('Details closed. Relationship: Kassym-Jomart Tokayev attends Astana summit, October 2022. 3 of 4');
  await shoot(page, 'timeline-keyboard-focus');
  await page.keyboard.press('Escape');
  await expect(focusedBar(page)).toHaveCount(0);
  await expect(live).toHaveText('No item focused');

  // A click moves the keyboard focus too: the arrows go on from the bar that was clicked.
  await page.locator('.vis-item.tl-event').click();
  await expect(details).toHaveAttribute('data-item-id', /^event:/);
  await expect(canvas).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText('Relationship: Kassym-Jomart Tokayev attends Astana summit, October 2022. 3 of 4');
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);

  // Zoomed in far to the left, End still reaches the last item and brings it into view.
  await page.keyboard.press('Home');
  await expect(live).toHaveText(/, before 2019\. 1 of 4$/);
  for (let i = 0; i < 4; i++) await page.getByTestId('timeline-zoom-in').click();
  await canvas.focus();
  await page.keyboard.press('End');
  await expect(live).toHaveText(/March 2024\. 4 of 4$/);
  await expect(focusedBar(page)).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('claim-details')).toContainText('Kazakhstan supports Türkiye’s initiatives');
});

async function shoot(page: Page, name: string) {
  await page.mouse.move(5, 5);
  await page.addStyleTag({ content: '*,*::before,*::after{transition:none!important;animation:none!important}' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `/tmp/${name}-${scheme}.png` });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${scheme} ${v.id}: ${n.target.join(' ')}`));
    expect(serious).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
