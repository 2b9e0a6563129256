/** PageTextMap on text built the way import builds it (pageItemsToText → normaliseText → tidyParagraphs). */
import { describe, expect, it } from 'vitest';
import { PageTextMap } from '../../../shared/pdf/page-text-map';
import { pageItemsToText, type PdfTextItem } from '../../../electron/services/import/pdfText';
import { normaliseText, tidyParagraphs } from '../../../electron/services/import/normalise';

/** A text item as pdf.js gives it: 10 pt type, 5 pt a character. */
function item(str: string, x: number, y: number, eol = false): PdfTextItem {
  return { str, hasEOL: eol, transform: [10, 0, 0, 10, x, y], width: str.length * 5, height: 10 };
}

const stored = (items: PdfTextItem[]) => tidyParagraphs(normaliseText(pageItemsToText(items)));

/** The span pieces' text, as the page would show it. */
function shown(map: PageTextMap, start: number, end: number): string[] {
  return map.pieces(start, end).map((p) => map.spans[p.span]!.slice(p.start, p.end));
}

describe('PageTextMap', () => {
  it('maps words set apart only by position (no space characters in the layer) to their stored offsets', () => {
    const items = [item('Reports', 50, 700), item('arrive', 90, 700), item('as', 125, 700), item('PDFs.', 140, 700, true)];
    const text = stored(items);
    expect(text).toBe('Reports arrive as PDFs.');
    const map = new PageTextMap(items.map((i) => i.str), text, 0);
    expect(map.sourceOffset(1, 0, 'start')).toBe(text.indexOf('arrive'));
    expect(map.sourceOffset(3, 5, 'end')).toBe(text.length);
    expect(shown(map, text.indexOf('arrive'), text.indexOf('PDFs') + 4)).toEqual(['arrive', 'as', 'PDFs']);
    expect(map.coverage).toBe(1);
  });

  it('keeps two columns apart: a range in the right column gives only right-column spans', () => {
    const left = [item('Left one', 50, 700, true), item('left two', 50, 688, true), item('left three', 50, 676, true)];
    const right = [item('Right one', 300, 700, true), item('right two', 300, 688, true), item('right three', 300, 676, true)];
    const items = [...left, ...right];
    const text = stored(items);
    expect(text).toBe('Left one left two left three\n\nRight one right two right three');
    const map = new PageTextMap(items.map((i) => i.str), text, 0);
    const start = text.indexOf('one', text.indexOf('Right'));
    expect(map.pieces(start, text.indexOf('three', start) + 5)).toEqual([
      { span: 3, start: 6, end: 9 }, { span: 4, start: 0, end: 9 }, { span: 5, start: 0, end: 11 },
    ]);
  });

  it('splits a hyphenated word joined across lines back into its two line spans', () => {
    const items = [item('strengthening inter-', 50, 700, true), item('national trade', 50, 688, true)];
    const text = stored(items);
    expect(text).toBe('strengthening inter-national trade');
    const map = new PageTextMap(items.map((i) => i.str), text, 0);
    const start = text.indexOf('inter');
    expect(map.pieces(start, start + 'inter-national'.length)).toEqual([{ span: 0, start: 14, end: 20 }, { span: 1, start: 0, end: 8 }]);
    expect(map.sourceOffset(1, 0, 'start')).toBe(text.indexOf('national'));
  });

  it('matches decomposed (NFD) layer text to the NFC stored text: Türkiye, Erdoğan, Қазақстан', () => {
    const nfd = ['Tu\u0308rkiye', 'and', 'Erdog\u0306an', 'visited', 'Қазақстан.'];
    const items = nfd.map((s, i) => item(s, 50 + i * 60, 700));
    const text = stored(items);
    expect(text).toBe('Türkiye and Erdoğan visited Қазақстан.');
    const map = new PageTextMap(nfd, text, 0);
    const erdogan = text.indexOf('Erdoğan');
    expect(map.pieces(erdogan, erdogan + 'Erdoğan'.length)).toEqual([{ span: 2, start: 0, end: 8 }]);
    expect(map.sourceOffset(2, 8, 'end')).toBe(erdogan + 7);
    // Inside the decomposed ğ (between g and its breve) a start snaps to the whole letter.
    expect(map.sourceOffset(2, 5, 'start')).toBe(erdogan + 4);
    const kz = text.indexOf('Қазақстан');
    expect(shown(map, kz, kz + 9)).toEqual(['Қазақстан']);
    // Between u and its diaeresis: the start of ü in the stored text.
    expect(map.sourceOffset(0, 2, 'start')).toBe(1);
  });

  it('steps over a span the stored text lacks (a watermark) and keeps the words after it', () => {
    const body = [item('The court ruled', 50, 700, true), item('on Monday that', 50, 688, true), item('the ban stands.', 50, 676, true)];
    const text = stored(body);
    const spans = ['The court ruled', 'CONFIDENTIAL DRAFT', 'on Monday that', 'the ban stands.'];
    const map = new PageTextMap(spans, text, 0);
    const monday = text.indexOf('Monday');
    expect(shown(map, monday, text.length)).toEqual(['Monday that', 'the ban stands.']);
    expect(map.pieces(0, text.length).map((p) => p.span)).toEqual([0, 2, 3]);
    // A selection starting in the watermark starts at the next stored word, one ending in it ends at the last.
    expect(map.sourceOffset(1, 3, 'start')).toBe(text.indexOf('on Monday'));
    expect(map.sourceOffset(1, 3, 'end')).toBe(text.indexOf(' on Monday'));
    expect(map.coverage).toBe(1);
  });

  it('tolerates extra and missing spaces on either side', () => {
    const spans = ['  the   quick ', 'brown', 'fox  jumps'];
    const text = 'the quick brownfox jumps';
    const map = new PageTextMap(spans, text, 0);
    expect(shown(map, text.indexOf('quick'), text.indexOf('fox') + 3)).toEqual(['quick', 'brown', 'fox']);
    expect(map.sourceOffset(0, 0, 'start')).toBe(0);
    expect(map.sourceOffset(2, 10, 'end')).toBe(text.length);
  });

  it('matches a ligature in the layer (ﬁ) to the spelt-out letters of the stored text', () => {
    const spans = ['ﬁnancial', 'ﬂows'];
    const text = 'financial flows';
    const map = new PageTextMap(spans, text, 0);
    expect(map.pieces(0, 9)).toEqual([{ span: 0, start: 0, end: 8 }]);
    expect(map.sourceOffset(1, 4, 'end')).toBe(text.length);
  });

  it('gives absolute offsets for a later page of a multi-page text', () => {
    const pages = ['First page text.', 'Second page: the highlighted words are here.'];
    const full = pages.join('\n\n');
    const start = full.indexOf('Second');
    const map = new PageTextMap(['Second page:', 'the highlighted', 'words are here.'], full.slice(start), start);
    const words = full.indexOf('highlighted words');
    expect(map.sourceOffset(1, 4, 'start')).toBe(words);
    expect(shown(map, words, words + 'highlighted words'.length)).toEqual(['highlighted', 'words']);
  });

  it('resynchronises after a run of differing letters (an OCR-like misreading) inside the page', () => {
    const spans = ['The minister sald on Tuesday', 'that the talks would resume.'];
    const text = 'The minister said on Tuesday that the talks would resume.';
    const map = new PageTextMap(spans, text, 0);
    const talks = text.indexOf('talks');
    expect(shown(map, talks, talks + 5)).toEqual(['talks']);
    expect(map.sourceOffset(0, spans[0]!.indexOf('Tuesday'), 'start')).toBe(text.indexOf('Tuesday'));
  });

  it('degrades to "nothing mapped" when the layer and the text share nothing', () => {
    const map = new PageTextMap(['Lorem ipsum dolor sit amet'], 'Совершенно другой текст на этой странице.', 100);
    expect(map.pieces(100, 140)).toEqual([]);
    expect(map.sourceOffset(0, 0, 'start')).toBeNull();
    expect(map.coverage).toBe(0);
  });

  it('rejects a span index that is not on the page', () => {
    const map = new PageTextMap(['a'], 'a', 0);
    expect(() => map.sourceOffset(3, 0, 'start')).toThrow(/span 3 is not on this page/);
  });
});
