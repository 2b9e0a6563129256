import { describe, expect, it } from 'vitest';
import type { Source } from '../../../../shared/domain/types';
import { citeQuote } from './citeQuote';
import { PAGED_TEXT, pagedSource } from '../../../../tests/support/paged-source-fixture';

const source = (meta: Partial<Source['meta']>, fileName = 'statement.html'): Source => ({
  id: 's1', kind: 'html', fileName, contentHash: 'h', textLength: 0, reliability: 'F',
  meta: { title: '', authors: [], publisher: '', publishedAt: '', url: '', language: 'en', ...meta },
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
} as Source);

const text = 'First paragraph.\n\nAnkara will continue to support peace.';

describe('copy with citation', () => {
  it('quotes the selection and names title, authors, publisher, date, URL and paragraph', () => {
    const start = text.indexOf('Ankara');
    const out = citeQuote(source({ title: 'Statement on Kazakhstan', authors: ['MFA Türkiye'], publisher: 'mfa.gov.tr', publishedAt: '2022-01-06', url: 'https://www.mfa.gov.tr/x' }),
      text, { start, end: start + 'Ankara will continue'.length });
    expect(out).toBe(`“Ankara will continue”\n— Statement on Kazakhstan, MFA Türkiye, mfa.gov.tr, 2022-01-06. https://www.mfa.gov.tr/x (¶ 2, characters ${start}–${start + 20})`);
  });

  it('without metadata falls back to the file name, and leaves out what is unknown', () => {
    const out = citeQuote(source({}), text, { start: 0, end: 5 });
    expect(out).toBe('“First”\n— statement.html. (¶ 1, characters 0–5)');
  });

  it('in a PDF with pages names the page first, "p. 2", or the range, "pp. 2–3", for a passage over a page break', () => {
    const src = pagedSource();
    const start = PAGED_TEXT.indexOf('Türkiye backs');
    expect(citeQuote(src, PAGED_TEXT, { start, end: start + 13 })).toBe(
      `“Türkiye backs”\n— Regional energy report, Energy Agency, Agency, 2024-02-01. (p. 2, ¶ 2, characters ${start}–${start + 13})`);
    const from = PAGED_TEXT.indexOf('deal stands');
    const to = PAGED_TEXT.indexOf('Figure 3') + 8;
    expect(citeQuote(src, PAGED_TEXT, { start: from, end: to })).toContain(`(pp. 2–3, ¶ 2, characters ${from}–${to})`);
  });
});
