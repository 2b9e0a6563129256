/**
 * Hostile HTML in Chromium: each payload is imported through the file input and opened in the reader; no script
 * may run (no dialog, window.__pwned unset), nothing may navigate, and no request may leave the app's origin.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { openApp } from './helpers';

const BODY = 'The minister said on Tuesday that talks on energy, trade and border security would continue next week, according to officials who attended the meeting.';
const EVIL = 'http://attacker.invalid';
const pwn = (n: number) => `window.__pwned=${n};alert(${n})`;

/**
 * [name, head, body]: each ends up in a file "xss-NN.html" whose <title> starts "XSS case NN"; its first paragraph
 * names the case too, so no two payloads reduce to the same text (which would be one deduplicated source).
 */
const PAYLOADS: [string, string, string][] = [
  ['script tag', '', `<script>${pwn(1)}</script>`],
  ['img onerror', '', `<img src=x onerror="${pwn(2)}">`],
  ['svg onload', '', `<svg onload="${pwn(3)}"><circle r=1 /></svg>`],
  ['javascript: link', '', `<a href="javascript:${pwn(4)}">read more</a>`],
  ['data: iframe', '', `<iframe src="data:text/html,<script>parent.${pwn(5)}</script>"></iframe>`],
  ['srcdoc iframe', '', `<iframe srcdoc="<script>parent.${pwn(6)}</script>"></iframe>`],
  ['embed', '', `<embed src="javascript:${pwn(7)}">`],
  ['object', '', `<object data="javascript:${pwn(8)}"></object>`],
  ['base href', `<base href="${EVIL}/">`, `<img src="pixel.png"><a href="next.html">next</a>`],
  ['meta refresh', `<meta http-equiv="refresh" content="0;url=${EVIL}/refresh">`, ''],
  ['css @import and url()', `<style>@import url(${EVIL}/x.css); body{background:url(${EVIL}/bg.png)}</style>`, `<div style="background-image:url(${EVIL}/i.png)">styled</div>`],
  ['link stylesheet and prefetch', `<link rel="stylesheet" href="${EVIL}/s.css"><link rel="prefetch" href="${EVIL}/p">`, ''],
  ['noscript mXSS', '', `<noscript><p title="</noscript><img src=x onerror=${pwn(13)}>"></noscript>`],
  ['svg style mXSS', '', `<svg><style><img src=x onerror="${pwn(14)}"></style></svg>`],
  ['math mglyph mXSS', '', `<math><mtext><table><mglyph><style><img src=x onerror="${pwn(15)}">`],
  ['form namespace confusion', '', `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${pwn(16)} src>">`],
  ['payload in the title', '', ''],
  ['payload in author and site meta', `<meta name="author" content="<img src=x onerror=${pwn(18)}>"><meta property="og:site_name" content="<script>${pwn(18)}</script>">`, ''],
  ['video source onerror', '', `<video><source onerror="${pwn(19)}"></video>`],
  ['details ontoggle', '', `<details open ontoggle="${pwn(20)}"><summary>s</summary>x</details>`],
  ['template script', '', `<template><script>${pwn(21)}</script></template>`],
  ['escaped markup as text', '', `<p>&lt;script&gt;${pwn(22)}&lt;/script&gt; and &lt;img src=x onerror=${pwn(22)}&gt;</p>`],
  ['javascript: and data: URLs as text', '', `<p>javascript:${pwn(23)} data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== ${EVIL}/plain</p>`],
  ['event handler on body', '', ''],
  ['xlink href in svg', '', `<svg><a xlink:href="javascript:${pwn(25)}"><text x="0" y="15">tap</text></a></svg>`],
  ['formaction button', '', `<form><button formaction="javascript:${pwn(26)}">go</button></form>`],
];

const caseName = (i: number) => `XSS case ${String(i + 1).padStart(2, '0')}`;

function html(i: number): string {
  const [name, head, body] = PAYLOADS[i]!;
  const title = name === 'payload in the title' ? `${caseName(i)} <img src=x onerror=${pwn(17)}><script>${pwn(17)}</script>` : `${caseName(i)} ${name}`;
  const bodyTag = name === 'event handler on body' ? `<body onload="${pwn(24)}" onpageshow="${pwn(24)}">` : '<body>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head>${bodyTag}
<article><h1>${caseName(i)}</h1><p>${caseName(i)}: ${BODY}</p>${body}<p>${BODY} (${name})</p></article></body></html>`;
}

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Whatever ran or escaped in the page so far. */
async function breaches(page: Page, origin: string, log: { dialogs: string[]; navigations: string[]; requests: string[] }) {
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  const inReader = await page.evaluate(() => [...document.querySelectorAll('[data-testid="reader-text"] :is(script,img,iframe,embed,object,svg,style,link,base,meta,video,form,template,math)')].map((e) => e.tagName));
  // The app's own <meta http-equiv="Content-Security-Policy"> is expected; anything else of these is not.
  const inDocument = await page.evaluate(() => [...document.querySelectorAll('base, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), iframe, embed, object, frame')]
    .map((e) => e.outerHTML.slice(0, 80)));
  return {
    pwned: pwned ?? null,
    dialogs: log.dialogs,
    foreignNavigations: log.navigations.filter((u) => new URL(u).origin !== origin),
    foreignRequests: log.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')),
    elementsInReader: inReader,
    elementsInDocument: inDocument,
    frames: page.frames().length,
  };
}

test(`${PAYLOADS.length} hostile HTML payloads: imported and read, none runs, navigates or phones home`, async ({ page }) => {
  test.setTimeout(180_000);
  server = await startServer();
  const origin = server.origin;
  const log = { dialogs: [] as string[], navigations: [] as string[], requests: [] as string[] };
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('framenavigated', (f) => log.navigations.push(f.url()));
  page.on('request', (r) => log.requests.push(r.url()));
  await openApp(page, server);

  const files = PAYLOADS.map((_, i) => ({ name: `xss-${String(i + 1).padStart(2, '0')}.html`, mimeType: 'text/html', buffer: Buffer.from(html(i)) }));
  await page.getByTestId('import-input').setInputFiles(files);
  const rows = page.getByTestId('library-row');
  await expect(rows).toHaveCount(PAYLOADS.length + 1, { timeout: 30_000 }); // + the seeded sample article

  const clean = { pwned: null, dialogs: [], foreignNavigations: [], foreignRequests: [], elementsInReader: [], elementsInDocument: [], frames: 1 };
  for (let i = 0; i < PAYLOADS.length; i++) {
    const row = rows.filter({ hasText: caseName(i) });
    await expect(row, PAYLOADS[i]![0]).toHaveCount(1);
    await row.click();
    await expect(page.getByTestId('reader-text')).toContainText('talks on energy, trade and border security');
    await page.waitForTimeout(150); // give a payload's timers, onerror and onload a chance to fire
    expect(await breaches(page, origin, log), `${caseName(i)}: ${PAYLOADS[i]![0]}`).toEqual(clean);
    await page.getByTestId('reader-back').click();
    await expect(page.getByTestId('library-table')).toBeVisible();
  }
  expect(await breaches(page, origin, log)).toEqual(clean);

  // Control: the same listeners do notice a payload that runs and phones home outside the app.
  const control = await page.context().newPage();
  const seen = { dialogs: [] as string[], requests: [] as string[] };
  control.on('dialog', (d) => { seen.dialogs.push(d.message()); void d.dismiss(); });
  control.on('request', (r) => seen.requests.push(r.url()));
  await control.setContent(`<img src="${EVIL}/x.png" onerror="${pwn(99)}">`);
  await expect.poll(() => seen.dialogs).toEqual(['99']);
  expect(seen.requests).toContain(`${EVIL}/x.png`);
  await control.close();
  console.log(`xss: ${PAYLOADS.length} payloads imported through the file input and opened in the reader; 0 dialogs, 0 scripts, ${log.navigations.length} same-origin navigations, ${log.requests.length} requests, all to ${origin}`);
});
