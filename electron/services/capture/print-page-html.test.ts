/** The document the page printers load: the guard head placed where it works, the page's own base honoured, and the request policy. */
import { describe, expect, test } from 'vitest';
import { printableHtml, PRINT_CSP } from './print-page-html';
import { isLocalHost, loadBudgetMs, printRequestAllowed } from './print-page-policy';

const html = (s: string, url = 'https://news.example/world/a.html') => printableHtml({ url, contentType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode(s) });
const HEAD = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;

describe('printableHtml', () => {
  test('the guard head goes after the doctype (before it the page would render in quirks mode)', () => {
    const out = html('<!-- built 2024 --><!DOCTYPE html>\n<html><head><title>T</title></head><body>x</body></html>');
    expect(out.startsWith(`<!-- built 2024 --><!DOCTYPE html>${HEAD}<base `)).toBe(true);
    expect(out).toContain('<base href="https://news.example/world/a.html">');
    expect(out.indexOf('<base')).toBeLessThan(out.indexOf('<title>'));
  });

  test('the page\'s own <base href> is resolved against its URL and used, so its relative links resolve as the analyst\'s browser did', () => {
    expect(html('<html><head><base href="/static/v2/"></head><body><img src="a.png"></body></html>')).toContain('<base href="https://news.example/static/v2/">');
    // A base that is not http(s) (javascript:, file:) is not followed: the page's URL stays the base.
    expect(html('<base href="file:///etc/">')).toContain('<base href="https://news.example/world/a.html">');
  });

  test('a meta refresh is switched off', () => {
    const out = html('<meta http-equiv="Refresh" content="0; url=https://elsewhere.example/">');
    expect(out).toContain('http-equiv="x-refresh-off"');
    expect(out).not.toMatch(/http-equiv="refresh"/i);
  });

  test('the CSP lets no script, frame, plugin or connection through and sub-resources only over http(s) or data:', () => {
    expect(PRINT_CSP).toContain("script-src 'none'");
    expect(PRINT_CSP).toContain("frame-src 'none'");
    expect(PRINT_CSP).toContain("object-src 'none'");
    expect(PRINT_CSP).toContain("default-src 'none'");
    expect(PRINT_CSP).not.toMatch(/file:|\*/);
  });
});

describe('print request policy', () => {
  const page = 'https://news.example/a';
  const get = (url: string, resourceType = 'image') => printRequestAllowed(page, { url, method: 'GET', resourceType });

  test('only GETs for stylesheets, images and fonts over http(s), and data:', () => {
    expect(get('https://cdn.example/a.css', 'stylesheet')).toBe(true);
    expect(get('http://cdn.example/a.woff2', 'font')).toBe(true);
    expect(get('https://cdn.example/p.jpg')).toBe(true);
    expect(get('data:image/png;base64,AAAA')).toBe(true);
    for (const type of ['script', 'xhr', 'fetch', 'document', 'mainFrame', 'subFrame', 'media', 'websocket', 'ping', 'other']) expect(get('https://cdn.example/x', type)).toBe(false);
    expect(printRequestAllowed(page, { url: 'https://cdn.example/p.jpg', method: 'POST', resourceType: 'image' })).toBe(false);
    expect(get('file:///etc/passwd')).toBe(false);
    expect(get('ftp://cdn.example/p.jpg')).toBe(false);
  });

  test('a public page may not reach loopback or private hosts; a page from such a host may', () => {
    for (const u of ['http://127.0.0.1:4000/x.png', 'http://localhost/x.png', 'http://[::1]/x.png', 'http://192.168.1.1/x.png', 'http://10.0.0.8/x.png', 'http://169.254.169.254/x.png']) {
      expect(get(u)).toBe(false);
      expect(printRequestAllowed('http://127.0.0.1:8080/page', { url: u, method: 'GET', resourceType: 'image' })).toBe(true);
    }
  });

  test('isLocalHost knows the private ranges and not their neighbours', () => {
    expect(['172.16.0.1', '172.31.255.255', '0.0.0.0', 'fd12:3456::1', 'fe80::1', 'app.localhost', '::ffff:127.0.0.1'].every(isLocalHost)).toBe(true);
    expect(['172.32.0.1', '11.0.0.1', '8.8.8.8', 'news.example', 'localhost.example.com'].some(isLocalHost)).toBe(false);
  });

  test('the load budget is 60 % of the limit, less what the start already took, never negative', () => {
    expect(loadBudgetMs(20_000)).toBe(12_000);
    expect(loadBudgetMs(20_000, 2_000)).toBe(10_000);
    expect(loadBudgetMs(1_000, 5_000)).toBe(0);
  });
});
