/** The popup and options page: pair with the workbench (address + one-time code), then send the active tab. */
'use strict';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

function show(result) {
  $('status').textContent = result ? result.message : '';
  $('status').dataset.ok = result ? String(result.ok) : '';
}

async function ask(msg) {
  try {
    return await ext.runtime.sendMessage(msg);
  } catch (e) {
    return { ok: false, message: e.message ?? String(e) };
  }
}

async function refresh() {
  const s = await ask({ type: 'status' });
  if (!s.ok) return show(s);
  if (!$('endpoint').value) $('endpoint').value = s.endpoint;
  $('send').hidden = !s.paired;
  $('forget').hidden = !s.paired;
  $('pair-intro').textContent = s.paired
    ? 'To pair again (a new address or code), enter them below.'
    : 'In the workbench, open Browser extension and create a pairing code.';
  $('paired-with').textContent = s.paired ? `Paired with ${s.endpoint}` : '';
  show(s.lastResult);
}

async function activeTabId() {
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : undefined;
}

async function send(withSelection) {
  const tabId = await activeTabId();
  if (tabId === undefined) return show({ ok: false, message: 'No tab to send.' });
  show({ ok: true, message: 'Sending…' });
  show(await ask({ type: 'send', tabId, withSelection }));
}

$('pair-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  show({ ok: true, message: 'Pairing…' });
  const r = await ask({ type: 'pair', endpoint: $('endpoint').value, code: $('code').value });
  if (r.ok) $('code').value = '';
  await refresh();
  show(r);
});
$('send-page').addEventListener('click', () => void send(false));
$('send-selection').addEventListener('click', () => void send(true));
$('forget').addEventListener('click', async () => {
  const r = await ask({ type: 'forget' });
  await refresh();
  show(r);
});

void refresh();
