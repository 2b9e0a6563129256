/** Background of the Workbench extension: context menus, pairing, and posting a tab's rendered DOM to the workbench. */
'use strict';

// Firefox offers `browser` (promises); Chromium's MV3 `chrome` returns promises too.
const ext = globalThis.browser ?? globalThis.chrome;

const MENU_PAGE = 'workbench-send-page';
const MENU_SELECTION = 'workbench-send-selection';
/** The address the desktop app listens on unless that port was taken (the app shows the real one with the code). */
const DEFAULT_ENDPOINT = 'http://127.0.0.1:47615';
/** Characters of context kept on each side of a selection: enough to tell repeated phrases apart. */
const CONTEXT_CHARS = 64;

/** The workbench only ever listens on loopback; anything else would send the analyst's pages off the machine. */
function checkEndpoint(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`"${raw}" is not an address. Use the one the workbench shows, e.g. ${DEFAULT_ENDPOINT}`);
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`The workbench address must be on this computer (http://127.0.0.1:PORT), not ${url.origin}.`);
  }
  return url.origin;
}

async function post(endpoint, path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(`${endpoint}${path}`, {
      method: 'POST', headers, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store', redirect: 'error',
    });
  } catch {
    throw new Error(`The workbench at ${endpoint} did not answer. Is it running?`);
  }
  const reply = await res.json().catch(() => null);
  if (!res.ok || !reply || reply.ok !== true) {
    const why = reply && typeof reply.message === 'string' ? reply.message : `HTTP ${res.status}`;
    const error = new Error(why);
    error.status = res.status;
    throw error;
  }
  return reply;
}

/**
 * Runs in the page (injected): the DOM as the analyst sees it after scripts ran, and the selection with context.
 * Self-contained on purpose: executeScript serialises this function's source only.
 */
function collectPage(withSelection, contextChars) {
  const squash = (s) => s.replace(/\s+/g, ' ');
  let selection = null;
  const sel = withSelection ? window.getSelection() : null;
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
    const range = sel.getRangeAt(0);
    const before = document.createRange();
    before.selectNodeContents(document.body);
    before.setEnd(range.startContainer, range.startOffset);
    const after = document.createRange();
    after.selectNodeContents(document.body);
    after.setStart(range.endContainer, range.endOffset);
    selection = {
      exact: sel.toString(),
      prefix: squash(before.toString()).slice(-contextChars),
      suffix: squash(after.toString()).slice(0, contextChars),
    };
  }
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : '';
  return {
    url: location.href,
    title: document.title,
    html: doctype + document.documentElement.outerHTML,
    userAgent: navigator.userAgent,
    selection,
  };
}

async function pairing() {
  const { endpoint, token } = await ext.storage.local.get(['endpoint', 'token']);
  return { endpoint: endpoint ?? DEFAULT_ENDPOINT, token: token ?? null };
}

async function remember(result, tabId) {
  await ext.storage.local.set({ lastResult: { ...result, at: new Date().toISOString() } });
  if (tabId === undefined) return;
  await ext.action.setBadgeText({ tabId, text: result.ok ? '✓' : '!' }).catch(() => undefined);
  await ext.action.setTitle({ tabId, title: `Analyst Workbench: ${result.message}` }).catch(() => undefined);
}

/** Sends a tab's page (and its selection, when asked) to the paired workbench; returns what to tell the analyst. */
async function sendTab(tabId, withSelection) {
  const { endpoint, token } = await pairing();
  let result;
  try {
    if (!token) throw new Error('Not paired yet: open the extension and enter the code the workbench shows.');
    const [injected] = await ext.scripting.executeScript({ target: { tabId }, func: collectPage, args: [withSelection, CONTEXT_CHARS] });
    const page = injected && injected.result;
    if (!page) throw new Error('This page cannot be read by extensions (a browser page or a store page).');
    if (withSelection && !page.selection) throw new Error('Nothing is selected on this page.');
    const reply = await post(endpoint, '/extension/capture', page, token);
    result = { ok: true, sourceId: reply.source.id, message: `Sent “${reply.source.title}”${reply.duplicate ? ' (already in the workbench)' : ''}.` };
    if (withSelection) {
      result = reply.highlight.ok
        ? { ...result, highlightId: reply.highlight.id, message: `${result.message} Highlight added.` }
        : { ...result, ok: false, message: `${result.message} But the highlight was not made: ${reply.highlight.message}` };
    }
  } catch (e) {
    result = { ok: false, message: e.status === 401 ? `The workbench refused this browser: ${e.message} Pair again.` : e.message };
  }
  await remember(result, tabId);
  return result;
}

async function pair(rawEndpoint, code) {
  const endpoint = checkEndpoint(rawEndpoint);
  const name = `${navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'} extension`;
  const reply = await post(endpoint, '/extension/pair', { code: String(code).trim(), name });
  await ext.storage.local.set({ endpoint, token: reply.token, pairedAt: new Date().toISOString() });
  return { ok: true, message: `Paired with the workbench at ${endpoint}.` };
}

async function onMessage(msg) {
  switch (msg && msg.type) {
    case 'status': {
      const { endpoint, token } = await pairing();
      const { lastResult } = await ext.storage.local.get('lastResult');
      return { ok: true, endpoint, paired: token !== null, lastResult: lastResult ?? null };
    }
    case 'pair': return pair(msg.endpoint, msg.code);
    case 'forget':
      await ext.storage.local.remove(['token', 'pairedAt']);
      return { ok: true, message: 'This browser is no longer paired.' };
    case 'send': return sendTab(msg.tabId, msg.withSelection === true);
    default: return { ok: false, message: 'Unknown request.' };
  }
}

ext.runtime.onInstalled.addListener(() => {
  ext.contextMenus.removeAll().then(() => {
    ext.contextMenus.create({ id: MENU_PAGE, title: 'Send page to Workbench', contexts: ['page'] });
    ext.contextMenus.create({ id: MENU_SELECTION, title: 'Send selection as highlight', contexts: ['selection'] });
  });
});

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (tab && tab.id !== undefined) void sendTab(tab.id, info.menuItemId === MENU_SELECTION);
});

ext.runtime.onMessage.addListener((msg, sender, reply) => {
  // Only the extension's own pages (the popup, also when opened as the options tab) may drive it, never a web page.
  if (sender.id !== ext.runtime.id || !String(sender.url).startsWith(ext.runtime.getURL(''))) return false;
  onMessage(msg).then(reply, (e) => reply({ ok: false, message: e.message ?? String(e) }));
  return true;
});

// For the end-to-end test, which drives the worker directly (a context-menu click cannot be scripted headless).
globalThis.workbenchExtension = { sendTab, pair };
