/** A new highlight re-renders what it changes: its own paragraph and the side panel's new editor, not every paragraph nor the editor that was open. */
import { expect, test, type Page } from '@playwright/test';
import { openApp, selectInReader } from './helpers';
import { startServer, type E2EServer } from './server';

const FIRST = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';
const SECOND = 'Kazakhstan established diplomatic relations with Türkiye in March 1992';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/**
 * Installed before the app: a stand-in for the React DevTools hook, which React (production builds too) calls on
 * every commit. It counts the function components that ran in the commit the way DevTools does: a fiber with the
 * PerformedWork flag, descending only into subtrees whose children changed in this commit.
 */
const RENDER_COUNTER = `(() => {
  const counts = {};
  window.__renderCounts = counts;
  window.__resetRenderCounts = () => { for (const k of Object.keys(counts)) delete counts[k]; };
  // Function, forwardRef and simple memo components; a memo with a comparer (14) renders through a function child counted itself.
  const FUNCTION_TAGS = new Set([0, 11, 15]);
  const PERFORMED_WORK = 1;
  const nameOf = (f) => (f.type && (f.type.displayName || f.type.name)) || '?';
  const visit = (fiber) => {
    const stack = [fiber];
    while (stack.length) {
      const f = stack.pop();
      if (FUNCTION_TAGS.has(f.tag) && (f.flags & PERFORMED_WORK)) counts[nameOf(f)] = (counts[nameOf(f)] || 0) + 1;
      // Children untouched by this commit are the very same fibers as before: nothing in there ran.
      if (f.alternate && f.child === f.alternate.child) { if (f.sibling) stack.push(f.sibling); continue; }
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false, supportsFiber: true, renderers: new Map(),
    inject() { return 1; },
    onCommitFiberRoot(_id, root) { if (root.current.child) visit(root.current.child); },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {}, checkDCE() {},
  };
})();`;

const renders = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __renderCounts: Record<string, number> }).__renderCounts }));
const countOf = (counts: Record<string, number>, prefix: string) =>
  Object.entries(counts).reduce((n, [name, c]) => (name.startsWith(prefix) ? n + c : n), 0);

test('a new highlight re-renders only its paragraph, and the editor that was open is not rendered again', async ({ page }) => {
  server = await startServer();
  await page.addInitScript(RENDER_COUNTER);
  await openApp(page, server);
  await page.getByTestId('library-row').first().click();
  await expect(page.getByTestId('reader-text')).toBeVisible();
  const paragraphs = await page.locator('[data-testid="reader-text"] p').count();

  // A first highlight: its editor is open in the side panel while the second one is made.
  await selectInReader(page, FIRST);
  await page.getByTestId('hl-color-yellow').click();
  const firstId = await page.getByTestId('highlight').first().getAttribute('data-highlight-id');
  await expect(page.getByTestId('highlight-editor')).toHaveAttribute('data-highlight-id', firstId!);
  await page.waitForTimeout(500); // its follow-up loads (history, citations) settle first

  await page.evaluate(() => (window as unknown as { __resetRenderCounts: () => void }).__resetRenderCounts());
  await selectInReader(page, SECOND);
  await page.keyboard.press('h');
  const secondMark = page.locator('[data-testid="highlight"]').filter({ hasText: 'Kazakhstan established' });
  await expect(secondMark).toBeVisible();
  const secondId = await secondMark.getAttribute('data-highlight-id');
  await expect(page.getByTestId('highlight-editor')).toHaveAttribute('data-highlight-id', secondId!);
  await page.waitForTimeout(500);
  const counts = await renders(page);

  // The paragraph that gained the mark, and the one whose mark lost the selection: not all of them.
  const paragraphRenders = countOf(counts, 'ReaderParagraph');
  expect(paragraphs, 'the sample article has many paragraphs').toBeGreaterThan(10);
  expect(paragraphRenders, `paragraph renders (of ${paragraphs} paragraphs): ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(1);
  expect(paragraphRenders, `paragraph renders (of ${paragraphs} paragraphs): ${JSON.stringify(counts)}`).toBeLessThanOrEqual(4);
  // The new highlight's editor mounts once; the first one's is not rendered again on the way out.
  expect(countOf(counts, 'HighlightEditor'), JSON.stringify(counts)).toBe(1);
  expect(countOf(counts, 'EntityMultiSelect'), JSON.stringify(counts)).toBe(1);
});
