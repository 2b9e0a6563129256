/** Capture files through the team database: an imported PDF's original and an area crop reach the other member; RLS and hashes guard them. */
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { buildPlainPagesPdf } from '../../../tests/support/pdf-fixtures';
import { importFile } from '../workbench/sources';
import { createAreaHighlight, readPdfOriginal } from '../workbench/pdf-sources';
import { readAreaImage } from '../workbench/pdf-area-image';
import type { Highlight } from '../../../shared/domain/types';
import { hashBytes } from '../store/captures';
import { closeClient, openClient, type Client } from './sync-test-kit';
import { BlobSync } from './sync-blobs';
import { ok } from '../../../shared/domain/result';

let fx: TeamFixture;
let a: Client;
let b: Client;
let pdf: Uint8Array;
let sourceId: string;
let cropHighlightId: string;
beforeAll(async () => {
  fx = await startTeamFixture();
  const at = { host: fx.cluster.host, port: fx.cluster.port, workspaceId: fx.wsA };
  a = await openClient({ ...at, login: 'alice', role: 'owner' });
  pdf = await buildPlainPagesPdf(['First page of the shared report.', 'Second page, with the figure.']);
  const r = await importFile(a.wb, 'report.pdf', pdf.slice());
  if (!r.ok) throw new Error(r.error.message);
  sourceId = r.value.source.id;
  await a.sync.syncOnce();
  b = await openClient({ ...at, login: 'bob', role: 'editor' });
  await b.sync.syncOnce();
}, 60_000);
afterAll(async () => {
  for (const c of [a, b]) if (c) await closeClient(c).catch(() => undefined);
  await fx?.close();
});

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A real 3 × 2 grey PNG (the page view's crops are PNGs). */
function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(3, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(8, 0x80))), chunk('IEND', Buffer.alloc(0))]);
}

async function dbError(p: Promise<unknown>): Promise<pg.DatabaseError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err, 'the statement was accepted').toBeInstanceOf(pg.DatabaseError);
  return err as pg.DatabaseError;
}

/** Alice pushes, with a raw TeamDb (no upload), an area highlight citing `image`: a client that has not uploaded the file. */
async function pushHighlightCiting(image: { sha256: string; bytes: number }): Promise<string> {
  const base = a.wb.state.all('highlights').find((h) => h.area) as Highlight;
  const h: Highlight = { ...base, id: `hl-${image.sha256.slice(0, 10)}`, area: { ...base.area!, image: { ...image, mediaType: 'image/png' } } };
  await (await fx.as('alice')).pushOps(fx.wsA, [{ opId: crypto.randomUUID(), collection: 'highlights', recordId: h.id, kind: 'put', value: h }]);
  return h.id;
}

describe('capture files through the team database', () => {
  it("a PDF imported by A reaches B: the original is byte-identical and B's page view reads it", () => {
    const source = b.wb.state.get('sources', sourceId)!;
    expect(source.pdf!.original.sha256).toBe(hashBytes(pdf));
    expect(b.wb.store.captures.get(source.pdf!.original.sha256)?.equals(Buffer.from(pdf))).toBe(true);
    const page = readPdfOriginal(b.wb, sourceId);
    if (!page.ok) throw new Error(page.error.message);
    expect(Buffer.from(page.value.dataBase64, 'base64').equals(Buffer.from(pdf))).toBe(true);
    expect(b.sync.status().lastError).toBeNull();
  });

  it("an area highlight's crop reaches B and B's reader shows it; the PDF is not sent twice", async () => {
    const crop = png();
    const h = createAreaHighlight(a.wb, { sourceId, page: 2, rect: { x: 0.1, y: 0.1, w: 0.5, h: 0.3 }, imageBase64: crop.toString('base64'), color: 'blue', tagIds: [], note: '' });
    if (!h.ok) throw new Error(h.error.message);
    cropHighlightId = h.value.id;
    expect((await a.sync.syncOnce()).pushed).toBe(1);
    await b.sync.syncOnce();
    const img = readAreaImage(b.wb, h.value.id);
    if (!img.ok) throw new Error(img.error.message);
    expect(Buffer.from(img.value.dataBase64, 'base64').equals(crop)).toBe(true);
    const admin = await fx.raw('alice');
    const { rows } = await admin.query('SELECT sha256, added_by FROM team.workspace_blobs WHERE workspace_id = $1 ORDER BY added_at', [fx.wsA]);
    expect(rows).toEqual([{ sha256: hashBytes(pdf), added_by: 'alice' }, { sha256: hashBytes(crop), added_by: 'alice' }]);
  });

  it('a file not uploaded yet is not fatal: B syncs, its reader says the image is missing, and a later sync fetches it', async () => {
    const late = Buffer.concat([png(), randomBytes(16)]); // distinct content; readAreaImage does not re-check PNG
    const id = await pushHighlightCiting({ sha256: hashBytes(late), bytes: late.byteLength });
    expect((await b.sync.syncOnce()).pulled).toBe(1);
    expect(b.wb.state.get('highlights', id)).toBeTruthy();
    expect(readAreaImage(b.wb, id)).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/has not arrived from the team database yet/) } });
    expect(b.sync.status().lastError).toBeNull();
    await (await fx.as('alice')).putBlob(fx.wsA, late);
    await b.sync.syncOnce();
    const img = readAreaImage(b.wb, id);
    expect(img.ok && Buffer.from(img.value.dataBase64, 'base64').equals(late)).toBe(true);
  });

  it("B's page view of a source whose original has not arrived says so, and works once it has", async () => {
    const other = await buildPlainPagesPdf(['A second edition of the shared report.']);
    const source = a.wb.state.get('sources', sourceId)!;
    const copy = { ...source, id: 'src-second-edition', pdf: { ...source.pdf!, original: { ...source.pdf!.original, sha256: hashBytes(other), bytes: other.byteLength } } };
    await (await fx.as('alice')).pushOps(fx.wsA, [{ opId: crypto.randomUUID(), collection: 'sources', recordId: copy.id, kind: 'put', value: copy }]);
    await b.sync.syncOnce();
    expect(readPdfOriginal(b.wb, copy.id)).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/original PDF of .* has not arrived from the team database yet/) } });
    await (await fx.as('alice')).putBlob(fx.wsA, other);
    await b.sync.syncOnce();
    const page = readPdfOriginal(b.wb, copy.id);
    expect(page.ok && Buffer.from(page.value.dataBase64, 'base64').equals(Buffer.from(other))).toBe(true);
  });

  it('a viewer cannot store or link a file, even with hand-written SQL', async () => {
    const vera = await fx.raw('vera');
    const bytes = randomBytes(64);
    const h = hashBytes(bytes);
    expect((await dbError(vera.query('SELECT team.put_blob($1, $2)', [fx.wsA, bytes]))).message).toMatch(/only an owner or editor/);
    expect((await dbError(vera.query('INSERT INTO team.blobs (sha256, size, content) VALUES ($1, $2, $3)', [h, 64, bytes]))).code).toBe('42501');
    expect((await dbError(vera.query('INSERT INTO team.workspace_blobs (workspace_id, sha256) VALUES ($1, $2)', [fx.wsA, hashBytes(pdf)]))).code).toBe('42501');
    // The viewer reads the workspace's files all the same.
    expect((await vera.query('SELECT count(*)::int AS n FROM team.blobs')).rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it("team B cannot read team A's file by its hash, nor link it into its own workspace by the hash", async () => {
    const h = hashBytes(pdf);
    const carol = await fx.raw('carol');
    expect((await carol.query('SELECT sha256 FROM team.blobs WHERE sha256 = $1', [h])).rows).toEqual([]);
    expect((await carol.query('SELECT sha256 FROM team.workspace_blobs')).rows).toEqual([]);
    expect(await (await fx.as('carol')).getBlob(h)).toBeNull();
    expect((await dbError(carol.query('INSERT INTO team.workspace_blobs (workspace_id, sha256) VALUES ($1, $2)', [fx.wsB, h]))).code).toBe('42501');
    expect((await carol.query('SELECT sha256 FROM team.blobs WHERE sha256 = $1', [h])).rows).toEqual([]);
  });

  it('a file whose content does not match its hash is refused by the database', async () => {
    const admin = new pg.Client({ connectionString: fx.adminUrl });
    await admin.connect();
    try {
      const bytes = randomBytes(32);
      const err = await dbError(admin.query('INSERT INTO team.blobs (sha256, size, content) VALUES ($1, 32, $2)', [hashBytes(randomBytes(32)), bytes]));
      expect(err.code).toBe('23514');
    } finally {
      await admin.end();
    }
  });

  it('a file that arrives with the wrong content is refused on receipt, not stored, and reported as a sync error', async () => {
    const claimed = Buffer.concat([png(), randomBytes(8)]);
    const hash = hashBytes(claimed);
    // A tampered server: the table's CHECK is gone and the row under `hash` holds other bytes.
    const admin = new pg.Client({ connectionString: fx.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query("SELECT conname FROM pg_constraint WHERE conrelid = 'team.blobs'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%sha256(content)%'");
      await admin.query(`ALTER TABLE team.blobs DROP CONSTRAINT ${admin.escapeIdentifier(rows[0].conname)}`);
      await admin.query('INSERT INTO team.blobs (sha256, size, content) VALUES ($1, $2, $3)', [hash, claimed.byteLength + 1, Buffer.concat([claimed, Buffer.from('x')])]);
      await admin.query('INSERT INTO team.workspace_blobs (workspace_id, sha256) VALUES ($1, $2)', [fx.wsA, hash]);
    } finally {
      await admin.end();
    }
    const id = await pushHighlightCiting({ sha256: hash, bytes: claimed.byteLength });
    expect((await b.sync.syncOnce()).pulled).toBe(1);
    expect(b.wb.state.get('highlights', id)).toBeTruthy();
    expect(b.wb.store.captures.has(hash)).toBe(false);
    expect(b.sync.status().lastError).toMatch(/does not match its hash .*refused, not stored/);
  });
});

describe.runIf(process.env.WORKBENCH_LONG_TESTS === '1')('large originals (long)', () => {
  it.each([5, 50])('a %i MB original reaches B byte-identical (push and pull times are logged)', async (mb) => {
    const big = randomBytes(mb * 1024 * 1024);
    const ref = a.wb.store.captures.put(big, 'application/pdf');
    const source = a.wb.state.get('sources', sourceId)!;
    const copy = { ...source, id: `src-${mb}mb`, pdf: { ...source.pdf!, original: ref } };
    const put = a.wb.run('Big original', () => ok({ ops: [{ t: 'put', c: 'sources', v: copy }], value: null }));
    if (!put.ok) throw new Error(put.error.message);
    let t = performance.now();
    await a.sync.syncOnce();
    const pushMs = performance.now() - t;
    t = performance.now();
    await b.sync.syncOnce();
    const pullMs = performance.now() - t;
    console.log(`${mb} MB original on loopback: push ${pushMs.toFixed(0)} ms, pull ${pullMs.toFixed(0)} ms`);
    expect(b.wb.store.captures.get(ref.sha256)?.equals(big)).toBe(true);
  }, 120_000);
});

describe('BlobSync on its own', () => {
  it('uploads a file once per session and not at all when the workspace already has it', async () => {
    const calls: string[] = [];
    const db = {
      linkedBlobs: async (_ws: string, hashes: readonly string[]) => { calls.push(`linked ${hashes.length}`); return new Set([hashBytes(pdf)]); },
      putBlob: async (_ws: string, bytes: Uint8Array) => { calls.push(`put ${bytes.byteLength}`); return hashBytes(bytes); },
      getBlob: async () => null,
    };
    const blobs = new BlobSync(a.wb.store.captures, fx.wsA);
    const ops = [{ t: 'put', c: 'highlights', v: a.wb.state.get('highlights', cropHighlightId)! } as const, { t: 'put', c: 'sources', v: a.wb.state.get('sources', sourceId)! } as const];
    expect(await blobs.upload(db, ops)).toBe(1);
    expect(await blobs.upload(db, ops)).toBe(0);
    expect(calls).toEqual(['linked 2', `put ${png().byteLength}`]);
  });
});
