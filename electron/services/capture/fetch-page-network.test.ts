/** fetchPage's network failures: DNS, refused and cut connections, blocked ports, TLS certificates, an https → http downgrade. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCert, startFixtureServer, type FixtureServer } from '../../../tests/support/http-fixtures';
import { fetchPage } from './fetch-page';
import type { CaptureError, FetchedPage } from './types';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

async function fetched(url: string, opts?: Parameters<typeof fetchPage>[1]): Promise<FetchedPage> {
  const r = await fetchPage(url, opts);
  if (!r.ok) throw new Error(`expected a page, got ${r.error.reason}: ${r.error.message}`);
  return r.value;
}

async function failed(url: string, opts?: Parameters<typeof fetchPage>[1]): Promise<CaptureError> {
  const r = await fetchPage(url, opts);
  if (r.ok) throw new Error(`expected a failure, got ${r.value.status} ${r.value.contentType}`);
  expect(r.error.message.startsWith(r.error.url)).toBe(true);
  return r.error;
}

describe('fetchPage: network failures', () => {
  it('a name that does not exist fails as dns (RFC 6761 .invalid)', async () => {
    const e = await failed('http://no-such-host.invalid/article');
    expect(e.reason).toBe('dns');
    expect(e.message).toBe('http://no-such-host.invalid/article: the name no-such-host.invalid could not be found (DNS lookup failed)');
  });

  it('a closed port fails as connection (refused)', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const e = await failed(`http://127.0.0.1:${port}/`);
    expect(e.reason).toBe('connection');
    expect(e.message).toContain('refused the connection');
  });

  it('a connection cut mid-body fails as connection', async () => {
    const cutter = net.createServer((socket) => socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html><p>half');
      setTimeout(() => socket.destroy(), 20);
    }));
    await new Promise<void>((resolve) => cutter.listen(0, '127.0.0.1', resolve));
    try {
      const e = await failed(`http://127.0.0.1:${(cutter.address() as net.AddressInfo).port}/`);
      expect(e.reason).toBe('connection');
      expect(e.message).toContain('cut off before the page arrived');
    } finally {
      await new Promise<void>((resolve) => cutter.close(() => resolve()));
    }
  });

  it('a port fetch never uses (SMTP) is refused as an address, not attempted', async () => {
    expect((await failed('http://127.0.0.1:25/')).reason).toBe('invalid_url');
  });
});

describe('fetchPage: TLS', () => {
  const cert = selfSignedCert();
  const missing = 'missing' in cert ? cert.missing : '';
  // Skipped only when openssl cannot make a certificate on this machine (the reason is the test's name).
  it.skipIf(missing !== '')(`a self-signed certificate fails as tls${missing ? ` — skipped: ${missing}` : ''}`, async () => {
    if ('missing' in cert) return;
    const tlsServer = await startFixtureServer({ tls: cert });
    try {
      const e = await failed(tlsServer.url('/ok'));
      expect(e.reason).toBe('tls');
      expect(e.message).toMatch(/secure connection to 127\.0\.0\.1:\d+ failed: its certificate was not accepted \(self[- ]signed certificate\)/);
    } finally {
      await tlsServer.close();
    }
  });

  it.skipIf(missing !== '')('an https → http downgrade is followed and stays visible in the recorded chain', async () => {
    if ('missing' in cert) return;
    const tlsServer = await startFixtureServer({ tls: cert });
    // Trust is switched off for this one test only, to reach the https hop at all (a fresh port: no pooled socket).
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const page = await fetched(tlsServer.url(`/redirect?status=301&to=${encodeURIComponent(server.url('/ok'))}`));
      expect(page.finalUrl).toBe(server.url('/ok'));
      expect(page.redirects).toEqual([{ url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/redirect\?/), status: 301, location: server.url('/ok') }]);
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
      await tlsServer.close();
    }
  });
});
