/** End-to-end helpers: open the app, select exact text in the reader, read notifications. */
import { expect, type Page } from '@playwright/test';
import type { E2EServer } from './server';

export async function openApp(page: Page, server: E2EServer): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByTestId('library-table')).toBeVisible();
}

/** Selects the first occurrence of `text` inside the reader as a user's drag would (a DOM Range). */
export async function selectInReader(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId('reader-text')).toContainText(text.slice(0, 40));
  const found = await page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="reader-text"]');
    if (!root) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    const starts: number[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      starts.push(all.length);
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.indexOf(needle);
    if (at < 0) return false;
    const locate = (offset: number, preferEnd: boolean) => {
      for (let i = 0; i < nodes.length; i++) {
        const s = starts[i]!;
        const e = s + nodes[i]!.data.length;
        if (offset < e || (preferEnd && offset === e)) return { node: nodes[i]!, off: offset - s };
      }
      const last = nodes[nodes.length - 1]!;
      return { node: last, off: last.data.length };
    };
    const a = locate(at, false);
    const b = locate(at + needle.length, true);
    const range = document.createRange();
    range.setStart(a.node, a.off);
    range.setEnd(b.node, b.off);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }, text);
  expect(found, `text not found in reader: ${text}`).toBe(true);
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
}

/** The exact text covered by a highlight's marks (a highlight may be split into several segments). */
export async function highlightText(page: Page, highlightId: string): Promise<string> {
  return page.evaluate((id) => {
    const marks = [...document.querySelectorAll(`[data-testid="highlight"][data-highlight-ids~="${id}"]`)];
    return marks.map((m) => m.textContent ?? '').join('');
  }, highlightId);
}

/** Calls the contract over HTTP as the page would (for arranging test data quickly). */
export async function callApi<T = unknown>(server: E2EServer, method: string, body: unknown): Promise<T> {
  const token = new URL(server.url).searchParams.get('token')!;
  const r = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-token': token }, body: JSON.stringify(body),
  });
  const j = (await r.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!j.ok) throw new Error(`${method}: ${j.error?.message}`);
  return j.value as T;
}
