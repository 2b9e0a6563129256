import http from 'node:http';
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { installNetworkGuard, networkAttempts } from './ocrWorker.mjs';

const originalFetch = globalThis.fetch;
const originalConnect = net.Socket.prototype.connect;
afterEach(() => {
  globalThis.fetch = originalFetch;
  net.Socket.prototype.connect = originalConnect;
});

it('the OCR worker\'s network guard makes fetch and http requests fail, and counts them', async () => {
  const before = networkAttempts.count;
  installNetworkGuard();
  await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow('network access is disabled in the OCR worker (fetch http://127.0.0.1:9/)');
  const httpError = await new Promise<Error>((resolve) => {
    try {
      http.get('http://127.0.0.1:9/', () => resolve(new Error('answered'))).on('error', resolve);
    } catch (error) {
      resolve(error as Error);
    }
  });
  expect(httpError.message).toContain('network access is disabled in the OCR worker (socket connect)');
  expect(networkAttempts.count - before).toBe(2);
});
