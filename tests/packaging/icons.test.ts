/** `npm run icons` output: every size and format the installers need, and the checked-in files made from the current SVG. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without types
import { generateIcons, ICNS_TYPES, ICO_SIZES, PNG_SIZES } from '../../scripts/icons.mjs';

const resources = path.resolve(__dirname, '../../resources');
const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
let tmp: string;

/** The ICO directory: 6-byte header, then 16-byte entries (width/height byte 0 means 256). */
export function readIcoDirectory(buf: Buffer) {
  expect(buf.readUInt16LE(0)).toBe(0);
  expect(buf.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = buf.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const e = 6 + 16 * i;
    const size = buf.readUInt32LE(e + 8);
    const offset = buf.readUInt32LE(e + 12);
    const data = buf.subarray(offset, offset + size);
    return { width: buf[e]! || 256, height: buf[e + 1]! || 256, bitCount: buf.readUInt16LE(e + 6), png: data.subarray(0, 4).toString('latin1') === '\x89PNG', data };
  });
}

/** ICNS: 'icns' + total length, then (type, length incl. 8-byte header) records. */
export function readIcns(buf: Buffer) {
  expect(buf.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(buf.readUInt32BE(4)).toBe(buf.length);
  const records: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at + 4);
    expect(len).toBeGreaterThan(8);
    records.push({ type: buf.subarray(at, at + 4).toString('latin1'), data: buf.subarray(at + 8, at + len) });
    at += len;
  }
  return records;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
  await generateIcons(tmp);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each([['regenerated', () => tmp], ['checked in', () => resources]])('icons (%s)', (_label, dir) => {
  it('has a square RGBA PNG of every size from 16 to 1024', async () => {
    for (const size of PNG_SIZES as number[]) {
      const meta = await sharp(path.join(dir(), 'icons', `${size}x${size}.png`)).metadata();
      expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(['png', size, size, 4]);
    }
  });

  it('has an ICO whose directory lists 16…256, each entry decodable at its stated size', async () => {
    const entries = readIcoDirectory(fs.readFileSync(path.join(dir(), 'icon.ico')));
    expect(entries.map((e) => e.width).sort((a, b) => a - b)).toEqual(ICO_SIZES);
    for (const e of entries) {
      expect(e.height).toBe(e.width);
      expect(e.bitCount).toBe(32);
      if (e.png) expect((await sharp(e.data).metadata()).width).toBe(e.width);
      else expect(e.data.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
    }
    expect(entries.find((e) => e.width === 256)?.png).toBe(true);
  });

  it('has an ICNS with a table of contents and every retina slot, PNG slots at their sizes', async () => {
    const records = readIcns(fs.readFileSync(path.join(dir(), 'icon.icns')));
    expect(records[0]!.type).toBe('TOC ');
    const byType = new Map(records.map((r) => [r.type, r.data]));
    for (const [type, size] of ICNS_TYPES as Array<[string, number]>) {
      const data = byType.get(type);
      expect(data, type).toBeDefined();
      if (type === 'ic04' || type === 'ic05') expect(data!.subarray(0, 4).toString('latin1')).toBe('ARGB');
      else expect(((await sharp(data!).metadata()).width)).toBe(size);
    }
  });
});

describe('checked-in icons', () => {
  it('were generated from the current resources/icon.svg and not edited since (run `npm run icons`)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(resources, 'icons', 'manifest.json'), 'utf8'));
    expect(manifest.sourceSha256, 'icon.svg changed: run npm run icons').toBe(sha256(fs.readFileSync(path.join(resources, 'icon.svg'))));
    for (const [rel, hash] of Object.entries(manifest.files as Record<string, string>)) {
      expect(sha256(fs.readFileSync(path.join(resources, rel))), rel).toBe(hash);
    }
  });

  it('match a fresh rendering pixel for pixel (within rounding), so the script reproduces them', async () => {
    for (const size of PNG_SIZES as number[]) {
      const [a, b] = await Promise.all([resources, tmp].map((d) => sharp(path.join(d, 'icons', `${size}x${size}.png`)).raw().toBuffer()));
      let worst = 0;
      for (let i = 0; i < a!.length; i++) worst = Math.max(worst, Math.abs(a![i]! - b![i]!));
      // Identical on the machine that made them; a few levels of rounding apart on another OS's libvips build.
      expect(worst, `${size}px`).toBeLessThanOrEqual(8);
    }
  });
});
