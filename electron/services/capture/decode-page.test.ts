/** decodePage: which rule picks the encoding (BOM, header, <meta> prescan, default), label spellings, legacy code pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureFixture, startFixtureServer, type FixtureServer } from '../../../tests/support/http-fixtures';
import { decodePage, encodingForLabel } from './decode-page';
import { fetchPage } from './fetch-page';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const html = (head: string, body = ''): Uint8Array => latin1(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
// "Привет" in windows-1251 and KOI8-R, and "ğşıİ" in ISO-8859-9: written out as bytes, independent of any decoder.
const PRIVET_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];
const PRIVET_KOI8 = [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4];
const TURKISH_8859_9 = [0xf0, 0xfe, 0xfd, 0xdd];

describe('encodingForLabel', () => {
  it.each([
    ['windows-1251', 'windows-1251'], ['cp1251', 'windows-1251'], ['win-1251', 'windows-1251'], ['WIN1251', 'windows-1251'],
    ['"Windows-1251"', 'windows-1251'], ['x-cp1251', 'windows-1251'], ['koi8-r', 'koi8-r'], ['KOI8R', 'koi8-r'], ['koi8_u', 'koi8-u'],
    // WHATWG maps ISO-8859-9 and its aliases to windows-1254, its superset, as browsers do.
    ['iso-8859-9', 'windows-1254'], ['latin5', 'windows-1254'], ['ISO_8859-9', 'windows-1254'], ['iso8859_9', 'windows-1254'],
    ['iso-8859-1', 'windows-1252'], ['latin-1', 'windows-1252'], ['UTF8', 'utf-8'], ['utf_8', 'utf-8'], ['cp866', 'ibm866'],
  ])('%s → %s', (label, name) => {
    expect(encodingForLabel(label)).toBe(name);
  });

  it('an unknown label is null (the next rule decides), not an error', () => {
    expect(encodingForLabel('klingon-1')).toBeNull();
    expect(encodingForLabel('')).toBeNull();
  });

  it('the decoder really knows the legacy code pages (full ICU)', () => {
    expect(new TextDecoder('koi8-r').decode(bytes(...PRIVET_KOI8))).toBe('Привет');
  });
});

describe('decodePage: the header charset', () => {
  it.each([
    ['windows-1251', PRIVET_1251, 'Привет', 'windows-1251'],
    ['koi8-r', PRIVET_KOI8, 'Привет', 'koi8-r'],
    ['iso-8859-9', TURKISH_8859_9, 'ğşıİ', 'windows-1254'],
  ])('%s', (label, body, text, charset) => {
    expect(decodePage(bytes(...body), 'text/plain', label)).toEqual({ text, charset, charsetSource: 'header' });
  });

  it('beats <meta>', () => {
    const page = html('<meta charset="koi8-r">', String.fromCharCode(...PRIVET_1251));
    expect(decodePage(page, 'text/html', 'windows-1251')).toMatchObject({ charset: 'windows-1251', charsetSource: 'header' });
  });

  it('an unknown header label falls through to <meta>', () => {
    const page = html('<meta charset="windows-1251">', String.fromCharCode(...PRIVET_1251));
    const decoded = decodePage(page, 'text/html', 'x-klingon');
    expect(decoded).toMatchObject({ charset: 'windows-1251', charsetSource: 'meta' });
    expect(decoded.text).toContain('Привет');
  });

  it('UTF-8 declared over bytes that are not UTF-8 decodes with replacement characters, as browsers show it', () => {
    expect(decodePage(bytes(0x61, ...PRIVET_1251.slice(0, 2), 0x62), 'text/html', 'utf-8').text).toBe('a\uFFFD\uFFFDb');
  });
});

describe('decodePage: the BOM', () => {
  it.each([
    ['utf-8', [0xef, 0xbb, 0xbf, 0xd0, 0x9f]],
    ['utf-16le', [0xff, 0xfe, 0x1f, 0x04]],
    ['utf-16be', [0xfe, 0xff, 0x04, 0x1f]],
  ])('%s: decoded, BOM removed', (charset, body) => {
    expect(decodePage(bytes(...body), 'text/html', '')).toEqual({ text: 'П', charset, charsetSource: 'bom' });
  });

  it('beats a header charset that contradicts it (as in WHATWG decode: servers often send a wrong default)', () => {
    expect(decodePage(bytes(0xef, 0xbb, 0xbf, 0xd0, 0x9f), 'text/html', 'iso-8859-1')).toEqual({ text: 'П', charset: 'utf-8', charsetSource: 'bom' });
  });
});

describe('decodePage: the <meta> prescan (HTML only)', () => {
  const body = String.fromCharCode(...PRIVET_1251);
  it.each([
    ['<meta charset="windows-1251">'],
    ["<meta charset='cp1251'>"],
    ['<meta charset=windows-1251>'],
    ['<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1251">'],
    ['<meta content="text/html;charset=&quot;x&quot;" http-equiv="content-type"><meta http-equiv=Content-Type content="text/html; charset=win-1251">'],
    ['<meta name="viewport" content="width=device-width"/><meta/charset="windows-1251">'],
  ])('%s', (head) => {
    const decoded = decodePage(html(head, body), 'text/html', '');
    expect(decoded).toMatchObject({ charset: 'windows-1251', charsetSource: 'meta' });
    expect(decoded.text).toContain('Привет');
  });

  it.each([
    ['a commented-out meta', '<!-- <meta charset="koi8-r"> -->'],
    ['a content charset without http-equiv (no pragma)', '<meta name="x" content="text/html; charset=koi8-r">'],
    ['a charset inside another tag\'s attribute', '<div title="<meta charset=koi8-r>"></div>'],
    ['a charset in a script', '<script src="a.js" data-x="charset=koi8-r"></script>'],
  ])('ignores %s', (_what, head) => {
    expect(decodePage(html(head, 'abc'), 'text/html', '')).toMatchObject({ charset: 'windows-1252', charsetSource: 'default' });
  });

  it('looks only at the first 1024 bytes', () => {
    const late = html(`<title>${'x'.repeat(1100)}</title><meta charset="koi8-r">`, 'abc');
    expect(decodePage(late, 'text/html', '').charsetSource).toBe('default');
  });

  it('a <meta> claiming UTF-16 means UTF-8 (the prescan read it as bytes)', () => {
    expect(decodePage(html('<meta charset="utf-16">', 'é'), 'text/html', '')).toMatchObject({ charset: 'utf-8', charsetSource: 'meta' });
  });

  it('plain text is not prescanned', () => {
    expect(decodePage(latin1('<meta charset="koi8-r"> abc'), 'text/plain', '')).toMatchObject({ charset: 'utf-8', charsetSource: 'default' });
  });

  it('XHTML: the XML declaration names the encoding', () => {
    const page = latin1(`<?xml version="1.0" encoding="windows-1251"?><html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html>`);
    expect(decodePage(page, 'application/xhtml+xml', '')).toMatchObject({ charset: 'windows-1251', charsetSource: 'meta' });
  });
});

describe('decodePage: defaults', () => {
  it('undeclared ASCII HTML is windows-1252; undeclared legacy bytes too ("café")', () => {
    expect(decodePage(html('<title>t</title>', 'abc'), 'text/html', '')).toMatchObject({ charset: 'windows-1252', charsetSource: 'default' });
    const legacy = decodePage(html('', 'caf\xe9'), 'text/html', '');
    expect(legacy).toMatchObject({ charset: 'windows-1252', charsetSource: 'default' });
    expect(legacy.text).toContain('café');
  });

  it('undeclared HTML that is valid UTF-8 with non-ASCII is read as UTF-8 (as browsers detect it)', () => {
    const decoded = decodePage(new TextEncoder().encode('<p>Привет, café</p>'), 'text/html', '');
    expect(decoded).toEqual({ text: '<p>Привет, café</p>', charset: 'utf-8', charsetSource: 'default' });
  });

  it('plain text is UTF-8', () => {
    expect(decodePage(new TextEncoder().encode('ağır gün'), 'text/plain', '')).toEqual({ text: 'ağır gün', charset: 'utf-8', charsetSource: 'default' });
  });

  it('a PDF is not decoded', () => {
    expect(decodePage(latin1('%PDF-1.4'), 'application/pdf', '')).toEqual({ text: '', charset: '', charsetSource: 'none' });
  });
});

describe('fetched and decoded: legacy pages from the fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const decodeServed = async (query: string) => {
    const r = await fetchPage(server.url(`/fixture?${query}`));
    if (!r.ok) throw new Error(r.error.message);
    return decodePage(r.value.bytes, r.value.contentType, r.value.headerCharset);
  };

  it.each([
    ['ru-dc-windows-1251.html', 'windows-1251', 'windows-1251', 'header', 'charset=windows-1251'],
    ['ru-dc-windows-1251.html', 'windows-1251', 'windows-1251', 'meta', ''],
    ['ru-dc-windows-1251.html', 'utf-16le', 'utf-16le', 'bom', 'bom=1'],
    ['ru-koi8-r.html', 'koi8-r', 'koi8-r', 'header', 'charset=KOI8-R'],
    ['ru-koi8-r.html', 'koi8-r', 'koi8-r', 'meta', ''],
    ['ru-koi8-r.html', 'utf-8', 'utf-8', 'bom', 'bom=1'],
    ['tr-iso-8859-9.html', 'iso-8859-9', 'windows-1254', 'header', 'charset=latin5'],
    ['tr-iso-8859-9.html', 'iso-8859-9', 'windows-1254', 'meta', ''],
    ['tr-iso-8859-9.html', 'utf-8', 'utf-8', 'bom', 'bom=1&compress=gzip'],
  ])('%s sent as %s, declared by %s', async (name, encoding, charset, source, extra) => {
    const decoded = await decodeServed(`name=${name}&encoding=${encoding}&${extra}`);
    expect(decoded).toMatchObject({ charset, charsetSource: source });
    expect(decoded.text).toBe(captureFixture(name));
  });
});
