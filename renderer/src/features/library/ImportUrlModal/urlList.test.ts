import { describe, expect, it } from 'vitest';
import { parseUrlList, urlProblem, urlsInTransfer } from './urlList';

describe('parseUrlList', () => {
  it('takes one http(s) address per line, skips blanks, keeps order and drops repeats', () => {
    const list = parseUrlList('  https://a.example/x \n\nhttp://b.example/\r\nhttps://a.example/x\n');
    expect(list.urls).toEqual(['https://a.example/x', 'http://b.example/']);
    expect(list.problems).toEqual([]);
  });

  it('reports each bad line with its number and why', () => {
    const list = parseUrlList('https://ok.example/\nexample.com/news\nftp://files.example/a\nhello world');
    expect(list.urls).toEqual(['https://ok.example/']);
    expect(list.problems).toEqual([
      { line: 2, text: 'example.com/news', message: 'not a full address: add https:// in front' },
      { line: 3, text: 'ftp://files.example/a', message: 'only http and https addresses can be captured, not ftp:' },
      { line: 4, text: 'hello world', message: 'not a web address (it must start with http:// or https://)' },
    ]);
  });

  it('refuses javascript: and over-long addresses', () => {
    expect(urlProblem('javascript:alert(1)')).toMatch(/only http and https/);
    expect(urlProblem(`https://a.example/${'x'.repeat(2000)}`)).toBe('longer than 2,000 characters');
  });
});

describe('urlsInTransfer', () => {
  it('reads text/uri-list, skipping its # comments', () => {
    expect(urlsInTransfer('# dragged from a browser\r\nhttps://a.example/1\r\nhttps://b.example/2', '')).toEqual(['https://a.example/1', 'https://b.example/2']);
  });

  it('falls back to plain text when it is only addresses', () => {
    expect(urlsInTransfer('', 'https://a.example/1\nhttps://a.example/1\n')).toEqual(['https://a.example/1']);
  });

  it('ignores ordinary text, and text that only contains an address among other words', () => {
    expect(urlsInTransfer('', 'The minister said so.')).toEqual([]);
    expect(urlsInTransfer('', 'see https://a.example/1 for more')).toEqual([]);
    expect(urlsInTransfer('', '')).toEqual([]);
  });
});
