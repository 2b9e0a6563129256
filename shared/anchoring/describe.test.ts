/** Tests of describeRange: exact text, bounded context, no split surrogate pairs. */
import { describe, expect, it } from 'vitest';
import { describeRange } from './describe';

describe('describeRange', () => {
  const text = 'The quick brown fox jumps over the lazy dog';
  it('quotes the range with bounded prefix and suffix', () => {
    const { quote, position } = describeRange(text, 10, 19, 6);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'brown fox', prefix: 'quick ', suffix: ' jumps' });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 10, end: 19 });
  });
  it('uses 32 code units of context by default and stops at the text edges', () => {
    const long = 'x'.repeat(50) + 'TARGET' + 'y'.repeat(50);
    const { quote } = describeRange(long, 50, 56);
    expect(quote.prefix).toBe('x'.repeat(32));
    expect(quote.suffix).toBe('y'.repeat(32));
    expect(describeRange(text, 0, 3).quote.prefix).toBe('');
    expect(describeRange(text, 40, 43).quote.suffix).toBe('');
  });
  it('widens a range that splits an emoji and keeps exact === slice(position)', () => {
    const emoji = 'I 😀 you';
    const { quote, position } = describeRange(emoji, 3, 4);
    expect(quote.exact).toBe('😀');
    expect(position).toMatchObject({ start: 2, end: 4 });
    expect(emoji.slice(position.start, position.end)).toBe(quote.exact);
  });
  it('trims context inward instead of cutting a surrogate pair', () => {
    const emoji = '😀😀ab😀😀';
    const { quote } = describeRange(emoji, 4, 6, 3);
    expect(quote.prefix).toBe('😀'); // 3 units back would start mid-pair: 2 units instead
    expect(quote.suffix).toBe('😀');
    expect(quote.prefix.length).toBeLessThanOrEqual(3);
  });
  it('includes trailing combining marks', () => {
    const decomposed = 'naq\u0307ve';
    expect(describeRange(decomposed, 0, 3).quote.exact).toBe('naq\u0307');
  });
  it('clamps reversed and out-of-range input', () => {
    expect(describeRange(text, 99, 40).quote.exact).toBe('dog');
  });
});
