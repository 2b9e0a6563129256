import { describe, expect, it } from 'vitest';
import { importBytes, importPastedText, kindFromFileName } from './index';
import type { ImportResult } from './importBytes';
import { fixtureBytes, pseudoRandomBytes, seedBytes, utf8 } from '../../../tests/support/import-files';

/** Asserts a rejection and returns it, so tests can look at the message. */
function rejected(result: ImportResult) {
  if (result.ok) throw new Error(`expected a rejection, got a ${result.value.kind} document`);
  return result.error;
}
function accepted(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.message}`);
  return result.value;
}

describe('kindFromFileName', () => {
  it('maps extensions case-insensitively and refuses others', () => {
    expect(kindFromFileName('a.TXT')).toBe('text');
    expect(kindFromFileName('a.text')).toBe('text');
    expect(kindFromFileName('notes.Markdown')).toBe('markdown');
    expect(kindFromFileName('x.md')).toBe('markdown');
    expect(kindFromFileName('page.HTM')).toBe('html');
    expect(kindFromFileName('dir.v2/page.html')).toBe('html');
    expect(kindFromFileName('report.PDF')).toBe('pdf');
    expect(kindFromFileName('README')).toBeNull();
    expect(kindFromFileName('dir.d/README')).toBeNull();
    expect(kindFromFileName('memo.docx')).toBeNull();
  });
});

describe('importBytes: plain text', () => {
  it('imports the seed article with a clause-cut title and one paragraph per line', async () => {
    const doc = accepted(await importBytes('sample-article.txt', seedBytes('sample-article.txt')));
    expect(doc.kind).toBe('text');
    expect(doc.meta.title).toBe("Türkiye will continue to support Kazakhstan's territorial integrity, stability and peace");
    expect(doc.meta.language).toBe('en');
    expect(doc.text.startsWith('Türkiye will continue')).toBe(true);
    expect(doc.text).toContain('Tokayev.\n\n"We will continue');
    expect(doc.text).not.toMatch(/\n{3,}|\r/);
  });

  it('normalises: BOM stripped, CRLF and CR to LF, NFC', async () => {
    const bytes = utf8('\uFEFFTitle line\r\nSecond line with Tu\u0308rkiye\rThird');
    const doc = accepted(await importBytes('n.txt', bytes));
    expect(doc.text).toBe('Title line\n\nSecond line with Türkiye\n\nThird');
    expect(doc.text.normalize('NFC')).toBe(doc.text);
    expect(doc.meta.title).toBe('Title line');
  });

  it('keeps text that already separates paragraphs with blank lines as written', async () => {
    const doc = accepted(await importBytes('w.txt', utf8('Heading\n\nwrapped line one\nwrapped line two\n\n\n\nEnd\n')));
    expect(doc.text).toBe('Heading\n\nwrapped line one\nwrapped line two\n\nEnd');
  });
});

describe('importBytes: markdown', () => {
  it('reads front matter into meta and strips it from the text', async () => {
    const doc = accepted(await importBytes('field-notes.md', fixtureBytes('field-notes.md')));
    expect(doc.kind).toBe('markdown');
    expect(doc.meta).toMatchObject({
      title: 'Field notes: Caspian ports',
      authors: ['Jane Roe', 'John Doe'],
      publishedAt: '2024-03-05',
      url: 'https://notes.example/caspian-ports',
      publisher: 'Example Institute',
    });
    expect(doc.text.startsWith('# A different heading\n\nAktau')).toBe(true);
    expect(doc.text).not.toContain('---');
    expect(doc.text).toContain('- Ferry capacity is the bottleneck.');
  });

  it('takes the title from the first # heading when there is no front matter', async () => {
    const doc = accepted(await importBytes('n.MD', utf8('Intro line\n\n# Real Title #\n\nBody.')));
    expect(doc.meta.title).toBe('Real Title');
  });
});

describe('importBytes: rejections name the file and the reason', () => {
  it('too_large: a 60 MB buffer is refused before decoding', async () => {
    // Invalid UTF-8 and NULs throughout: any decoding or sniffing would report another reason.
    const big = new Uint8Array(60 * 1024 * 1024).fill(0xff);
    const error = rejected(await importBytes('huge.txt', big));
    expect(error).toMatchObject({ reason: 'too_large', fileName: 'huge.txt' });
    expect(error.message).toMatch(/^huge\.txt: the file is too large \(60\.0 MB; the limit is 50\.0 MB\)$/);
  });

  it('too_large honours opts.maxBytes', async () => {
    expect(rejected(await importBytes('a.txt', utf8('hello world'), { maxBytes: 5 })).reason).toBe('too_large');
  });

  it('empty: no bytes, or only whitespace (ASCII or Unicode)', async () => {
    expect(rejected(await importBytes('e.txt', new Uint8Array()))).toMatchObject({ reason: 'empty', message: 'e.txt: the file is empty' });
    expect(rejected(await importBytes('w.md', utf8(' \n\t\r\n '))).message).toBe('w.md: the file contains only whitespace');
    expect(rejected(await importBytes('u.txt', utf8('\uFEFF\u00A0\u2003\n'))).reason).toBe('empty');
  });

  it('unsupported_type', async () => {
    const error = rejected(await importBytes('memo.docx', utf8('hello')));
    expect(error.reason).toBe('unsupported_type');
    expect(error.message).toMatch(/^memo\.docx: unsupported file type/);
  });

  it('binary: NUL bytes, control characters, known signatures, random bytes named .html', async () => {
    expect(rejected(await importBytes('a.txt', utf8('abc\u0000def'))).message).toBe('a.txt: the file is binary, not text');
    expect(rejected(await importBytes('c.txt', utf8('ab\u0001\u0002\u0003\u0004cd'))).reason).toBe('binary');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41]);
    expect(rejected(await importBytes('img.md', png)).message).toBe('img.md: the file is binary (a PNG image), not text');
    const error = rejected(await importBytes('photo.html', pseudoRandomBytes(4096)));
    expect(error).toMatchObject({ reason: 'binary', fileName: 'photo.html', message: 'photo.html: the file is binary, not text' });
  });

  it('keeps ordinary text with tabs, form feeds and ANSI colour codes', async () => {
    const text = 'Log\tstart\f\n\u001b[32mINFO\u001b[0m everything is fine and the service is running normally today';
    expect(accepted(await importBytes('log.txt', utf8(text))).kind).toBe('text');
  });

  it('invalid_utf8 reports the byte and its offset', async () => {
    const bytes = new Uint8Array([...utf8('café ok '), 0xe9, 0x74, 0xe9]); // Latin-1 "été"
    const error = rejected(await importBytes('notes.txt', bytes));
    expect(error).toMatchObject({ reason: 'invalid_utf8', fileName: 'notes.txt' });
    expect(error.message).toBe('notes.txt: not valid UTF-8 (byte 0xE9 at offset 9)');
  });

  it('invalid_utf8 for UTF-16 text, with advice', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    expect(rejected(await importBytes('u16.txt', utf16)).message).toMatch(/^u16\.txt: not valid UTF-8 \(it looks like UTF-16/);
  });

  it('line_too_long: a single 2-million-character line', async () => {
    const error = rejected(await importBytes('one-line.txt', utf8(`Title\n${'a'.repeat(2_000_000)}\n`)));
    expect(error.reason).toBe('line_too_long');
    expect(error.message).toBe('one-line.txt: a single line is longer than 1,000,000 characters');
    // CR-only line endings count as line breaks, so this many short lines are fine.
    const crLines = `${'word '.repeat(20)}\r`.repeat(15_000);
    expect(accepted(await importBytes('cr.txt', utf8(crLines))).kind).toBe('text');
  });

  it('line_too_long applies to the extracted text of HTML, not to minified markup', async () => {
    const minified = `<html><body>${`<p>${'Some words in a paragraph. '.repeat(40)}</p>`.repeat(1_000)}</body></html>`;
    expect(minified.length).toBeGreaterThan(1_000_000);
    expect(accepted(await importBytes('min.html', utf8(minified))).kind).toBe('html');
    const huge = `<html><body><p>${'x'.repeat(1_100_000)}</p></body></html>`;
    expect(rejected(await importBytes('huge.html', utf8(huge))).reason).toBe('line_too_long');
  });
});

describe('importPastedText', () => {
  it('returns a text document with a guessed or explicit title', async () => {
    const guessed = accepted(await importPastedText('First line\nSecond line'));
    expect(guessed).toMatchObject({ kind: 'text', text: 'First line\n\nSecond line', meta: { title: 'First line' } });
    const titled = accepted(await importPastedText('Body only', '  My   title '));
    expect(titled.meta.title).toBe('My title');
  });

  it('rejects with an empty fileName and a message about the pasted text', async () => {
    const error = rejected(await importPastedText('   \n '));
    expect(error).toEqual({ reason: 'empty', fileName: '', message: 'Pasted text: the text contains only whitespace' });
    expect(rejected(await importPastedText(`x${'y'.repeat(1_000_001)}`)).reason).toBe('line_too_long');
    expect(rejected(await importPastedText('ab'.repeat(600), undefined, { maxBytes: 1000 })).message)
      .toBe('Pasted text: the text is too large (over 2 KB; the limit is 1 KB)');
    expect(rejected(await importPastedText('é'.repeat(600), undefined, { maxBytes: 1000 })).message)
      .toBe('Pasted text: the text is too large (2 KB; the limit is 1 KB)');
  });
});
