/** Tests of anchorHighlight: exact position, moved quotes, tolerant re-import and orphans. */
import { describe, expect, it } from 'vitest';
import { anchorAll, anchorHighlight, type HighlightSelectors } from './anchor';
import { describeRange, type RangeDescription } from './describe';

/** Selectors for the first occurrence of `passage` in `text`. */
function highlightOf(text: string, passage: string, occurrence = 0): RangeDescription {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) at = text.indexOf(passage, at + 1);
  if (at < 0) throw new Error(`test setup: ${passage} not in text`);
  return describeRange(text, at, at + passage.length);
}

const landed = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('anchorHighlight', () => {
  it('returns exact when the position still holds the quote', () => {
    const text = 'Peace talks resumed in Astana on Monday.';
    const h = highlightOf(text, 'resumed in Astana');
    expect(anchorHighlight(text, h)).toEqual({ status: 'exact', start: 12, end: 29 });
  });

  it('finds the quote when the position is wrong', () => {
    const text = 'Peace talks resumed in Astana on Monday.';
    const h = highlightOf(text, 'Astana');
    const edited = 'BREAKING: ' + text;
    const result = anchorHighlight(edited, h);
    expect(result.status).toBe('moved');
    expect(landed(edited, result)).toBe('Astana');
    expect(result.start).toBe(h.position.start + 10);
  });

  it('resolves an ambiguous quote by its prefix and suffix, not by the stale position', () => {
    const text = 'First, the report was leaked. Second, the report was denied. Third, the report was praised.';
    const h = highlightOf(text, 'the report', 1); // the "denied" one
    const stale: HighlightSelectors = { ...h, position: { ...h.position, start: 68, end: 78 } }; // points near the third
    const result = anchorHighlight('Intro. ' + text, stale);
    expect(result.status).toBe('moved');
    expect(('Intro. ' + text).slice(result.end, result.end + 11)).toBe(' was denied');
  });

  it('breaks a tie in context by proximity to the old position', () => {
    const text = 'same words here. same words here. same words here.';
    const quote = { type: 'TextQuoteSelector' as const, exact: 'words', prefix: '', suffix: '' };
    const result = anchorHighlight(text, { quote, position: { type: 'TextPositionSelector', start: 36, end: 41 } });
    expect(result.start).toBe(39);
  });

  it('works without a position (e.g. an imported annotation)', () => {
    const text = 'one two three two one';
    const quote = { type: 'TextQuoteSelector' as const, exact: 'two', prefix: 'three ', suffix: '' };
    expect(anchorHighlight(text, { quote, position: null })).toEqual({ status: 'moved', start: 14, end: 17 });
    expect(anchorHighlight(text, { quote })).toEqual({ status: 'moved', start: 14, end: 17 });
  });

  it('handles emoji, ZWJ sequences and flags', () => {
    const text = 'Team 👩‍🔬 met 🇹🇷 delegates 👍🏽 today 😀.';
    const h = highlightOf(text, '👩‍🔬 met 🇹🇷');
    expect(anchorHighlight(text, h).status).toBe('exact');
    const shifted = '😀😀 ' + text;
    const result = anchorHighlight(shifted, h);
    expect(result.status).toBe('moved');
    expect(landed(shifted, result)).toBe('👩‍🔬 met 🇹🇷');
  });

  it('re-anchors across NFC and NFD, covering the combining mark', () => {
    const nfc = 'Le café de São Paulo est fermé.';
    const h = highlightOf(nfc, 'café de São');
    const nfd = nfc.normalize('NFD');
    const result = anchorHighlight(nfd, h);
    expect(result.status).toBe('moved');
    expect(landed(nfd, result)).toBe('cafe\u0301 de Sa\u0303o');
    expect(anchorHighlight(nfc, highlightOf(nfd, 'cafe\u0301')).status).toBe('moved');
  });

  it('never places a quote on a letter that carries a combining mark', () => {
    const nfd = 'Le cafe\u0301 est ouvert.';
    const quote = { type: 'TextQuoteSelector' as const, exact: 'cafe', prefix: 'Le ', suffix: ' est' };
    expect(anchorHighlight(nfd, { quote, position: { type: 'TextPositionSelector', start: 3, end: 7 } }).status)
      .toBe('orphan');
    const grown = highlightOf('The cafe is open.', 'cafe');
    expect(anchorHighlight('The cafeteria is open.', grown).status).toBe('orphan');
  });

  it('re-anchors a multi-line quote after LF -> CRLF and back', () => {
    const lf = 'Line one ends here\nLine two starts here\n';
    const h = highlightOf(lf, 'here\nLine two');
    const crlf = lf.replace(/\n/g, '\r\n');
    const result = anchorHighlight(crlf, h);
    expect(result.status).toBe('moved');
    expect(landed(crlf, result)).toBe('here\r\nLine two');
    const back = anchorHighlight(lf, highlightOf(crlf, 'here\r\nLine two'));
    expect(landed(lf, back)).toBe('here\nLine two');
  });

  it('survives an added BOM and re-flowed whitespace', () => {
    const text = 'The minister said\nthe border will open.';
    const h = highlightOf(text, 'said\nthe border');
    const reflowed = '\uFEFFThe  minister   said the\t border  will open.';
    const result = anchorHighlight(reflowed, h);
    expect(result.status).toBe('moved');
    expect(landed(reflowed, result)).toBe('said the\t border');
  });

  it('anchors right-to-left text (Arabic, Hebrew)', () => {
    const text = 'قال وزير الخارجية إن الاتحاد الأوروبي سيدعم. אמר ראש הממשלה כי ההסכם ייחתם.';
    for (const passage of ['الاتحاد الأوروبي', 'ראש הממשלה']) {
      const h = highlightOf(text, passage);
      const shifted = 'مقدمة. ' + text;
      const result = anchorHighlight(shifted, h);
      expect(result.status).toBe('moved');
      expect(landed(shifted, result)).toBe(passage);
    }
  });

  it('returns orphan (-1, -1) when the quote is gone', () => {
    const h = highlightOf('The minister denied the claim.', 'denied the claim');
    expect(anchorHighlight('The minister confirmed it.', h)).toEqual({ status: 'orphan', start: -1, end: -1 });
  });

  it('does not land on other words: no fuzzy match, no match inside a longer word', () => {
    const h = highlightOf('He is not guilty of fraud.', 'not guilty');
    expect(anchorHighlight('He is guilty of fraud.', h).status).toBe('orphan');
    expect(anchorHighlight('He is not guilt of fraud.', h).status).toBe('orphan');
    expect(anchorHighlight('He is Not Guilty of fraud.', h).status).toBe('orphan');
    const cat = highlightOf('I saw a cat today.', 'cat');
    expect(anchorHighlight('We concatenate strings.', cat).status).toBe('orphan');
    expect(anchorHighlight('We concatenate strings. A cat!', cat).status).toBe('moved');
  });

  it('keeps a mid-word highlight free to match mid-word', () => {
    const h = highlightOf('We concatenate strings.', 'cat');
    const result = anchorHighlight('Then we concatenate strings.', h);
    expect(result.status).toBe('moved');
    expect(result.start).toBe(11);
  });

  it('orphans empty and whitespace-only quotes that no longer match', () => {
    const empty = { type: 'TextQuoteSelector' as const, exact: '', prefix: '', suffix: '' };
    expect(anchorHighlight('abc', { quote: empty, position: { type: 'TextPositionSelector', start: 0, end: 0 } }).status)
      .toBe('orphan');
    const h = highlightOf('a \n b', ' \n ');
    expect(anchorHighlight('a b', h).status).toBe('orphan');
  });
});

describe('anchorAll', () => {
  it('anchors each item in order, mixing statuses', () => {
    const text = 'Alpha beta gamma. Delta epsilon.';
    const items = [highlightOf(text, 'beta'), highlightOf(text, 'Delta'), highlightOf(text, 'gamma')];
    const edited = 'Alpha beta  gamma. Zeta epsilon.';
    const results = anchorAll(edited, items);
    expect(results.map((r) => r.status)).toEqual(['exact', 'orphan', 'moved']);
    expect(landed(edited, results[2]!)).toBe('gamma');
  });
});
