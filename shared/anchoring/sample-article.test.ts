/** The seed article: a real sentence is described and re-anchored exactly, also after a CRLF/BOM re-import. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchorHighlight } from './anchor';
import { describeRange } from './describe';
import { normaliseText } from './offsets';

const articlePath = fileURLToPath(new URL('../../seeds/sample-article.txt', import.meta.url));
const article = normaliseText(readFileSync(articlePath, 'utf8'));
const SENTENCE =
  'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

describe('sample article', () => {
  const start = article.indexOf(SENTENCE);
  const highlight = describeRange(article, start, start + SENTENCE.length);

  it('describes the sentence with its context', () => {
    expect(start).toBeGreaterThan(0);
    expect(highlight.quote.exact).toBe(SENTENCE);
    expect(highlight.quote.prefix.endsWith('Tokayev.\n"')).toBe(true);
    expect(highlight.quote.suffix.startsWith(', which has a deep')).toBe(true);
  });

  it('re-anchors it exactly', () => {
    expect(anchorHighlight(article, highlight)).toEqual({ status: 'exact', start, end: start + SENTENCE.length });
  });

  it('finds it again after a CRLF + BOM re-import', () => {
    const reimported = '\uFEFF' + article.replace(/\n/g, '\r\n');
    const result = anchorHighlight(reimported, highlight);
    expect(result.status).toBe('moved');
    expect(reimported.slice(result.start, result.end)).toBe(SENTENCE);
  });
});
