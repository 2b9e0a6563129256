/** An ACH matrix's title and question edited in place after creation: Enter or blur saves, Escape cancels, an empty
 *  title is refused, Ctrl+Z undoes each edit, and the list follows. Screenshots (light and dark) to /tmp. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function shoot(page: Page, name: string) {
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

const stored = async (s: E2EServer, id: string) =>
  (await callApi<{ matrix: { title: string; question: string } }>(s, 'ach.get', { id })).matrix;

test('an ACH matrix’s title and question are renamed in place, an empty title is refused, Ctrl+Z undoes, the list follows', async ({ page }) => {
  server = await startServer();
  const made = await callApi<{ matrix: { id: string } }>(server, 'ach.create', { title: 'Why the summit?', question: 'What drove it?' });
  const id = made.matrix.id;
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, server);
  await page.getByTestId('nav-ach').click();
  await page.locator(`[data-testid="ach-row"][data-matrix-id="${id}"]`).click();
  const title = page.getByTestId('ach-title');
  const question = page.getByTestId('ach-question');
  await expect(title).toHaveText('Why the summit?');
  await expect(question).toHaveText('What drove it?');

  // An empty title is refused with a message, and nothing is saved; Escape leaves the old one.
  await page.getByRole('button', { name: 'Edit the title' }).click();
  const titleInput = page.getByTestId('ach-title-input');
  await expect(titleInput).toBeFocused();
  await titleInput.fill('   ');
  await titleInput.press('Enter');
  await expect(page.getByText('A matrix needs a title.')).toBeVisible();
  await expect(titleInput).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'ach-title-edit');
  await titleInput.press('Escape');
  await expect(titleInput).toHaveCount(0);
  await expect(title).toHaveText('Why the summit?');
  expect((await stored(server, id)).title).toBe('Why the summit?');

  // Escape throws away what was typed.
  await page.getByRole('button', { name: 'Edit the title' }).click();
  await titleInput.fill('Discarded');
  await titleInput.press('Escape');
  await expect(title).toHaveText('Why the summit?');

  // Enter saves the title; the focus returns to its Edit button.
  await page.getByRole('button', { name: 'Edit the title' }).click();
  await titleInput.fill('Why Astana, and why now?');
  await titleInput.press('Enter');
  await expect(title).toHaveText('Why Astana, and why now?');
  await expect(page.getByRole('button', { name: 'Edit the title' })).toBeFocused();

  // Blur saves the question.
  await page.getByRole('button', { name: 'Edit the question' }).click();
  const questionInput = page.getByTestId('ach-question-input');
  await questionInput.fill('What drives the Türkiye–Kazakhstan partnership?');
  await title.click();
  await expect(questionInput).toHaveCount(0);
  await expect(question).toHaveText('What drives the Türkiye–Kazakhstan partnership?');
  expect(await stored(server, id)).toEqual(expect.objectContaining({
    title: 'Why Astana, and why now?', question: 'What drives the Türkiye–Kazakhstan partnership?',
  }));
  await shoot(page, 'ach-title-edited');

  // Ctrl+Z undoes one edit at a time, each named: the question first, then the title. (A key pressed while a step is
  // still reloading is dropped on purpose, so each press waits for the buttons to name the next step.)
  const undoButton = page.getByTestId('undo');
  const redoButton = page.getByTestId('redo');
  await expect(undoButton).toHaveAccessibleName('Undo: Edit ACH matrix question');
  await page.keyboard.press('Control+z');
  await expect(question).toHaveText('What drove it?');
  await expect(title).toHaveText('Why Astana, and why now?');
  await expect(undoButton).toHaveAccessibleName('Undo: Rename ACH matrix');
  await page.keyboard.press('Control+z');
  await expect(title).toHaveText('Why the summit?');
  expect(await stored(server, id)).toEqual(expect.objectContaining({ title: 'Why the summit?', question: 'What drove it?' }));

  // Redo, and the list of matrices shows the new title and question.
  await expect(redoButton).toHaveAccessibleName('Redo: Rename ACH matrix');
  await page.keyboard.press('Control+Shift+z');
  await expect(title).toHaveText('Why Astana, and why now?');
  await expect(redoButton).toHaveAccessibleName('Redo: Edit ACH matrix question');
  await page.keyboard.press('Control+Shift+z');
  await expect(question).toHaveText('What drives the Türkiye–Kazakhstan partnership?');
  await page.getByTestId('ach-back').click();
  const row = page.locator(`[data-testid="ach-row"][data-matrix-id="${id}"]`);
  await expect(row).toContainText('Why Astana, and why now?');
  await expect(row).toContainText('What drives the Türkiye–Kazakhstan partnership?');
});
