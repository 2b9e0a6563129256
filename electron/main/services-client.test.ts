/** Main's services client against a real forked services host: requests, printing through main, quit state, lock, crash and restart. */
import { fork as forkChild, type ChildProcess, type ForkOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServicesHost, SERVICES_STOPPED, type HostPrinter, type ServicesClient, type ServicesEvent } from './services-client';
import { nodeFork, nodeUtilityProcess, utilityFork } from './utility-port';
import { acquireLock } from '../services/store/lock';
import { writeNewLink } from '../services/team/sync';
import { secretKeyOf } from '../services/team/credentials';
import { builtServicesHost, ensureBuilt, root } from '../../tests/robustness/build';
import { largeText } from '../../tests/support/large-sources';
import { tempDir } from '../../tests/unit/helpers';

const seedsDir = path.join(root, 'seeds');
const FAKE_PDF = new TextEncoder().encode('%PDF-1.7\n% a fake dossier PDF printed by main\n%%EOF\n');
const children: ChildProcess[] = [];
const clients: ServicesClient[] = [];

/** child_process.fork, remembering each child so a test can kill it (and afterEach can clean up). */
const fork = (modulePath: string, args: string[], options: ForkOptions): ChildProcess => {
  const child = forkChild(modulePath, args, options);
  children.push(child);
  return child;
};

function start(printer: HostPrinter = async () => FAKE_PDF) {
  const events: ServicesEvent[] = [];
  const client = startServicesHost({ fork: nodeFork(fork, { cwd: root }), modulePath: builtServicesHost, printer, onEvent: (e) => events.push(e), seedsDir });
  clients.push(client);
  return { client, events };
}

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close().catch(() => undefined)));
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('services host client', () => {
  it('opens a fresh workspace in the host process and serves the contract there', async () => {
    const dir = path.join(tempDir('wb-host-'), 'ws');
    const { client } = start();
    expect(await client.open(dir)).toEqual({ ok: true, value: { recovery: false } });
    const info = await must(client.call('workspace.info', {})) as { path: string; seeded: boolean; counts: { sources: number } };
    expect(info).toMatchObject({ seeded: true, counts: { sources: 1 } });
    await must(client.call('sources.importText', { text: 'Pipeline talks resumed on Tuesday.', title: 'Talks' }));
    expect(await must(client.call('workspace.info', {}))).toMatchObject({ counts: { sources: 2 } });
    // The workspace lock names the host's process, not this one: the services really run elsewhere.
    const lock = JSON.parse(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.lock'))!), 'utf8'));
    expect(lock.pid).toBe(children[0]!.pid);
    expect(lock.pid).not.toBe(process.pid);
    // Validation still happens at the boundary (now in the host).
    const bad = await client.call('sources.importText', { text: 42 });
    expect(bad.ok ? 'accepted' : bad.error.code).toBe('invalid_request');
  });

  it('reports a locked workspace with the store\'s own reason', async () => {
    const dir = tempDir('wb-host-locked-');
    const release = acquireLock(dir, 'a test holding it');
    try {
      const { client } = start();
      const r = await client.open(dir);
      expect(r.ok ? 'opened' : r.error.code).toBe('locked');
      expect(r.ok ? '' : r.error.message).toContain('a test holding it');
    } finally {
      release();
    }
  });

  it('prints a dossier PDF through main, mirrors the export in flight 1 → 0, and writes it where asked', async () => {
    const dir = tempDir('wb-host-print-');
    let release!: () => void;
    const printed: { html: string; title: string }[] = [];
    const { client, events } = start(async (html, { title }) => {
      printed.push({ html, title });
      await new Promise<void>((r) => { release = r; });
      return FAKE_PDF;
    });
    await must(client.open(dir));
    const dossier = await must(client.call('dossiers.create', { title: 'Türkiye and Kazakhstan', author: 'Desk A' })) as { id: string };
    const { jobId } = await must(client.call('exports.start', { dossierId: dossier.id, format: 'pdf' })) as { jobId: string };
    expect(client.inFlight()).toBe(1);
    await expect.poll(() => printed.length).toBe(1);
    expect(printed[0]!.title).toBe('Türkiye and Kazakhstan');
    expect(printed[0]!.html).toContain('Türkiye and Kazakhstan');
    release();
    await expect.poll(async () => ((await client.call('exports.status', { jobId })) as { value: { state: string } }).value.state).toBe('done');
    // Still in flight until the file is fetched (so quitting after "Wait" keeps it).
    expect(client.inFlight()).toBe(1);
    const target = path.join(tempDir('wb-host-save-'), 'dossier.pdf');
    expect(await client.writeExport({ kind: 'job', jobId }, target)).toEqual({ ok: true, value: { path: target, bytes: FAKE_PDF.length } });
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(FAKE_PDF);
    await client.settled();
    expect(client.inFlight()).toBe(0);
    expect(events.filter((e) => e.type === 'exports').map((e) => (e as { inFlight: number }).inFlight)).toEqual([1, 0]);
    expect(events.find((e) => e.type === 'exportFinished')).toMatchObject({ jobId, ok: true, fileName: expect.stringMatching(/\.pdf$/) });
  });

  it('switches workspaces in the host, keeping the open one when the new one cannot be opened', async () => {
    const [first, locked, second] = [tempDir('wb-host-a-'), tempDir('wb-host-b-'), tempDir('wb-host-c-')];
    const { client } = start();
    await must(client.open(first));
    await must(client.call('sources.importText', { text: 'Only in the first workspace.', title: 'First' }));
    const release = acquireLock(locked, 'another app');
    try {
      expect(await client.open(locked)).toMatchObject({ ok: false, error: { code: 'locked' } });
    } finally {
      release();
    }
    expect(await must(client.call('workspace.info', {}))).toMatchObject({ counts: { sources: 2 } });
    await must(client.open(second));
    expect(await must(client.call('workspace.info', {}))).toMatchObject({ counts: { sources: 1 } });
    // The first one was closed on the switch: its lock is free again.
    acquireLock(first, 'a test after the switch')();
  });

  it('releases the workspace lock on close, so another process can take it', async () => {
    const dir = tempDir('wb-host-close-');
    const { client } = start();
    await must(client.open(dir));
    expect(() => acquireLock(dir, 'a test')).toThrow(/in use|lock|open/i);
    await client.close();
    const release = acquireLock(dir, 'a test after close');
    release();
    expect(await client.call('workspace.info', {})).toMatchObject({ ok: false, error: { message: 'The workspace has been closed.' } });
  });

  it('answers a typed error when the host is killed, restarts it and reopens the workspace with nothing lost', async () => {
    const dir = tempDir('wb-host-crash-');
    const { client, events } = start();
    await must(client.open(dir));
    await must(client.call('sources.importText', { text: 'Saved before the crash.', title: 'Before' }));
    const victim = children[0]!;
    const pending = client.call('sources.importText', { text: largeText(3_000_000, 7, 'first', 'last'), title: 'In flight' });
    victim.kill('SIGKILL');
    const failed = await pending;
    expect(failed).toEqual({ ok: false, error: { code: 'internal', message: SERVICES_STOPPED, details: { servicesStopped: true } } });
    expect(await client.call('workspace.info', {})).toEqual(failed);
    await expect.poll(() => events.some((e) => e.type === 'restarted'), { timeout: 30_000 }).toBe(true);
    expect(events.find((e) => e.type === 'crashed')).toMatchObject({ signal: 'SIGKILL', restarting: true });
    expect(children).toHaveLength(2);
    const titles = (await must(client.call('sources.list', {})) as { meta: { title: string } }[]).map((s) => s.meta.title);
    expect(titles).toContain('Before');
    await must(client.call('sources.importText', { text: 'Saved after the restart.', title: 'After' }));
  });

  it('when the workspace cannot be opened again after a crash, says so once, and calls then name the problem', async () => {
    const dir = path.join(tempDir('wb-host-reopen-'), 'ws');
    const { client, events } = start();
    await must(client.open(dir));
    const victim = children[0]!;
    const died = new Promise((r) => victim.once('exit', r));
    victim.kill('SIGKILL');
    // The folder is gone before the new host can reopen it (a drive unplugged): a file stands in its place.
    fs.renameSync(dir, `${dir}-moved`);
    fs.writeFileSync(dir, 'not a folder');
    await died;
    await expect.poll(() => events.find((e) => e.type === 'restart-failed'), { timeout: 30_000 }).toMatchObject({
      type: 'restart-failed', message: expect.stringMatching(/^The workspace could not be opened again: /),
    });
    expect(events.some((e) => e.type === 'restarted')).toBe(false);
    const r = await client.call('workspace.info', {});
    expect(r.ok ? 'answered' : r.error.message).toBe('No workspace is open in the services.');
  });

  it('a save that the dying host never finished answers services_stopped, not a generic failure', async () => {
    const dir = tempDir('wb-host-write-');
    const { client } = start();
    await must(client.open(dir));
    const victim = children[0]!;
    victim.kill('SIGKILL');
    // Sent before the exit is noticed: the request is lost with the process.
    const r = await client.writeExport({ kind: 'annotations', format: 'w3c' }, path.join(tempDir('wb-host-out-'), 'a.jsonld'));
    expect(r).toEqual({ ok: false, error: { code: 'services_stopped', message: SERVICES_STOPPED } });
  });

  it('keeps team passwords through main when main has a keychain: the host asks main for a linked workspace\'s password', async () => {
    const dir = path.join(tempDir('wb-host-keychain-'), 'ws');
    const asked: string[] = [];
    const secrets = { available: () => true, get: async (key: string) => { asked.push(key); return null; }, set: async () => undefined, delete: async () => undefined };
    const client = startServicesHost({ fork: nodeFork(fork, { cwd: root }), modulePath: builtServicesHost, printer: async () => FAKE_PDF, secrets });
    clients.push(client);
    await must(client.open(dir));
    expect(await must(client.call('team.status', {}))).toEqual({ linked: false, secretStorage: 'keychain' });
    await client.close();
    // Linked (team.json written as team.link would): on open the host asks main, over the process boundary, for its password.
    const url = 'postgresql://alice@127.0.0.1:9/team';
    writeNewLink(dir, { url, workspaceId: 'w1', workspaceName: 'Case', member: 'alice', role: 'owner' });
    const again = startServicesHost({ fork: nodeFork(fork, { cwd: root }), modulePath: builtServicesHost, printer: async () => FAKE_PDF, secrets });
    clients.push(again);
    await must(again.open(dir));
    await expect.poll(() => asked).toEqual([secretKeyOf(url, 'alice')]);
    expect(await must(again.call('team.status', {}))).toMatchObject({ linked: true, secretStorage: 'keychain', needsPassword: true });
  });

  it('gives up after repeated crashes and then says so, instead of restarting for ever', async () => {
    const dies = path.join(tempDir('wb-host-dies-'), 'dies.mjs');
    fs.writeFileSync(dies, 'process.exit(3);\n');
    const events: ServicesEvent[] = [];
    const client = startServicesHost({ fork: nodeFork(fork), modulePath: dies, printer: async () => FAKE_PDF, onEvent: (e) => events.push(e), maxRestarts: 2 });
    clients.push(client);
    await expect.poll(() => events.filter((e) => e.type === 'crashed').length).toBe(3);
    expect(events.map((e) => e.type === 'crashed' && e.restarting)).toEqual([true, true, false]);
    const r = await client.call('workspace.info', {});
    expect(r.ok ? 'answered' : r.error.message).toMatch(/could not be restarted/);
    expect(children).toHaveLength(3);
  });
});

describe('utilityFork (Electron utilityProcess adapter, run on its Node double)', () => {
  it('serves the workspace from a utility process', async () => {
    const { client } = { client: startServicesHost({ fork: utilityFork(nodeUtilityProcess(fork)), modulePath: builtServicesHost, printer: async () => FAKE_PDF }) };
    clients.push(client);
    await must(client.open(tempDir('wb-host-utility-')));
    expect(await must(client.call('workspace.info', {}))).toMatchObject({ counts: { sources: 0 } });
  });

  it('drains the process\'s output into main\'s log, so a full pipe never stalls it', async () => {
    const chatty = path.join(tempDir('wb-host-chatty-'), 'chatty.mjs');
    fs.writeFileSync(chatty, "console.log('to stdout'); console.error('to stderr');\n");
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const child = utilityFork(nodeUtilityProcess(fork))(chatty);
      await new Promise<void>((resolve) => child.onExit(() => resolve()));
      expect(log).toHaveBeenCalledWith('[services] to stdout');
      expect(error).toHaveBeenCalledWith('[services] to stderr');
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});
