/**
 * Test helper for the captured-page printers: a loopback HTTP server with a stylesheet, an image, a sub-resource that
 * never answers and a request log, and a reader for what a printed PDF shows (pdftotext, pdfimages).
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** A solid-colour RGB PNG (the printed PDF then holds one image of these dimensions). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The marker the fixture stylesheet draws: it is in the PDF's text only if the stylesheet loaded. */
export const CSS_MARKER = 'STYLESHEET FROM THE SITE';
export const PICTURE = { width: 120, height: 80 };

export interface PrintFixtureServer {
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves /style.css, any …/pic.png, /hang.png (never answers) and /page.html (`pageHtml`); anything else 404. */
export async function startPrintFixtureServer(pageHtml = '<p>fixture</p>'): Promise<PrintFixtureServer> {
  const requests: string[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(p);
    if (p === '/style.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(`body::after { content: "${CSS_MARKER}"; display: block; } .boxed { background: #ffd84d; padding: 8px; }`);
    } else if (p.endsWith('/pic.png')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(solidPng(PICTURE.width, PICTURE.height, [200, 30, 40]));
    } else if (p === '/hang.png') {
      hanging.add(res); // answered never: the printer must stop waiting and print what arrived
    } else if (p === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pageHtml);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The PDF's text (pdftotext -layout) and its images' sizes (pdfimages -list). */
export function readPrintedPdf(pdf: Uint8Array): { text: string; images: { width: number; height: number }[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-printed-'));
  try {
    const file = path.join(dir, 'page.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    const images = list.map((l) => l.trim().split(/\s+/)).map((c) => ({ width: Number(c[3]), height: Number(c[4]) }));
    return { text, images };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
