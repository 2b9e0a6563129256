/** The head-only document metadata is read from: the head, the body's JSON-LD, and nothing else of the body. */
import { describe, expect, it } from 'vitest';
import { MAX_HEAD_CHARS, headOnlyHtml, withHeadDocument } from './page-head';
import { readPageMetadata } from './page-metadata';

describe('headOnlyHtml', () => {
  it('keeps the head and the JSON-LD blocks of the body, drops the rest of the body', async () => {
    const html = `<!doctype html><html lang="kk"><head><title>Head title</title><meta property="og:site_name" content="Site"></head>
      <body><p>${'Body text. '.repeat(1000)}</p>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"From the body","author":{"@type":"Person","name":"Aigerim Nurlanovna"}}</script>
      <script>var notKept = 1;</script></body></html>`;
    const head = headOnlyHtml(html);
    expect(head).not.toContain('Body text.');
    expect(head).not.toContain('notKept');
    const meta = await withHeadDocument(html, (doc) => readPageMetadata(doc, 'https://kz.example/a'));
    expect(meta).toMatchObject({ title: 'From the body', authors: ['Aigerim Nurlanovna'], language: 'kk' });
  });

  it('stays small and linear on hostile input: a huge head is cut, unclosed script tags are skipped', () => {
    const huge = `<html><head><style>${'x'.repeat(3 * MAX_HEAD_CHARS)}</style></head><body></body></html>`;
    expect(headOnlyHtml(huge).length).toBeLessThan(MAX_HEAD_CHARS + 100);
    const unclosed = `<html><head></head><body>${'<script type="application/ld+json" '.repeat(50_000)}</body></html>`;
    const t0 = performance.now();
    const out = headOnlyHtml(unclosed);
    // Generous: a quadratic scan of this page takes minutes; a linear one, milliseconds.
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(out.length).toBeLessThan(200);
  });
});
