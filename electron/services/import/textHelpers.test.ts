import { describe, expect, it } from 'vitest';
import { guessTitle } from './titleGuess';
import { guessLanguage } from './language';
import { parseFrontMatter, splitAuthors, importMarkdown } from './markdown';
import { toPartialDate } from './dates';
import { decodeUtf8, firstInvalidUtf8Offset } from './checks';
import { longestLineExceeds, normaliseText } from './normalise';

describe('guessTitle', () => {
  it('uses a short first non-empty line as is', () => {
    expect(guessTitle('\n\n  Annual report 2023  \nBody')).toBe('Annual report 2023');
  });

  it('cuts a long first line at its first sentence when that is short enough', () => {
    const line = `Ministers met in Baku on Monday. ${'They discussed many things at considerable length '.repeat(4)}`;
    expect(guessTitle(line)).toBe('Ministers met in Baku on Monday');
  });

  it('cuts at the last clause boundary within 120 characters', () => {
    const line = 'The committee published its findings on regional trade; the report runs to 400 pages and covers' +
      ' every port on the Caspian Sea in detail without exception';
    expect(guessTitle(line)).toBe('The committee published its findings on regional trade');
  });

  it('falls back to a word cut near 100 characters with an ellipsis', () => {
    const title = guessTitle('word '.repeat(60).trim());
    expect(title.endsWith('word…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(101);
  });
});

describe('guessLanguage', () => {
  it('recognises clear English, German and Turkish, and abstains on too little text', () => {
    expect(guessLanguage('The minister said that the talks will continue and that the sides are in agreement on the plan for the region with the support of the people.')).toBe('en');
    expect(guessLanguage('Der Minister sagte, dass die Gespräche nicht auf Eis liegen und dass die Seiten sich auf den Plan mit dem Nachbarn geeinigt haben, auch wenn es eine Pause gibt.')).toBe('de');
    expect(guessLanguage('Bakan, görüşmelerin devam edeceğini ve bu konuda daha çok çalışma yapılacağını söyledi. Bu bir ilk adım olarak görülüyor ve iki ülke için de çok önemli bir gelişme olan bu karar ile ilişkiler daha da güçlenecek gibi.')).toBe('tr');
    expect(guessLanguage('Hello there')).toBe('');
  });
});

describe('markdown front matter', () => {
  it('parses scalars, inline lists and dash lists', () => {
    const fields = parseFrontMatter('title: "A: B"\ntags: [x, "y"]\nauthors:\n  - One\n  - Two\nurl: https://x.example/a');
    expect(fields.get('title')).toEqual(['A: B']);
    expect(fields.get('tags')).toEqual(['x', 'y']);
    expect(fields.get('authors')).toEqual(['One', 'Two']);
    expect(fields.get('url')).toEqual(['https://x.example/a']);
  });

  it('splits a single author field and leaves a lone --- rule in the body alone', () => {
    const md = importMarkdown('---\nauthor: Ann Lee and Bo Chen\ndate: 2023-7\n---\nText\n\n---\n\nMore');
    expect(md.meta.authors).toEqual(['Ann Lee', 'Bo Chen']);
    expect(md.meta.publishedAt).toBe('2023-07');
    expect(md.text).toBe('Text\n\n---\n\nMore');
    expect(md.meta.title).toBe('Text');
    expect(importMarkdown('Intro\n---\nnot front matter').text).toBe('Intro\n---\nnot front matter');
  });

  it('splitAuthors drops a leading "By"', () => {
    expect(splitAuthors('By A. Smith, B. Jones & C. Wu')).toEqual(['A. Smith', 'B. Jones', 'C. Wu']);
  });
});

describe('toPartialDate', () => {
  it('keeps the precision it is given and rejects nonsense', () => {
    expect(toPartialDate('2024-03-05T09:30:00Z')).toBe('2024-03-05');
    expect(toPartialDate('2024/3/5')).toBe('2024-03-05');
    expect(toPartialDate('2024-03')).toBe('2024-03');
    expect(toPartialDate('2024')).toBe('2024');
    expect(toPartialDate('5 March 2024')).toBe('2024-03-05');
    expect(toPartialDate('2024-13-01')).toBe('');
    expect(toPartialDate('yesterday')).toBe('');
  });
});

describe('UTF-8 and lines', () => {
  it('locates the first invalid byte: stray continuation, overlong form, surrogate, truncation', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xbc]))).toEqual({ ok: true, text: 'hü' });
  });

  it('normaliseText strips the BOM, unifies line ends and composes', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\u0065\u0301')).toBe('a\nb\ncé');
  });

  it('longestLineExceeds counts CR-only and LF line ends', () => {
    expect(longestLineExceeds('abc\ndefgh', 4)).toBe(true);
    expect(longestLineExceeds('abcd\rdefg\ndefg', 4)).toBe(false);
    expect(longestLineExceeds('abcd\rdefghi', 4)).toBe(true);
  });
});
