/** Pairing the browser extension: codes are one-time, expire, are rate-limited; tokens are stored hashed and revocable. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/unit/helpers';
import { CODE_TTL_MS, ExtensionPairing, MAX_ATTEMPTS_PER_MINUTE, MAX_FAILURES_PER_CODE, PAIRINGS_FILE } from './extension-pairing';

function setup() {
  const dir = tempDir();
  let t = Date.UTC(2026, 11, 5, 14, 0, 0);
  const clock = () => t;
  const advance = (ms: number) => { t += ms; };
  return { dir, advance, pairing: new ExtensionPairing({ dir, clock }), reopen: () => new ExtensionPairing({ dir, clock }) };
}

/** A code that differs from `code` in its first character (same length, same alphabet). */
const wrongCode = (code: string) => `${code[0] === 'A' ? 'B' : 'A'}${code.slice(1)}`;

describe('extension pairing', () => {
  it('exchanges a code for a token exactly once', () => {
    const { pairing } = setup();
    const { code } = pairing.newCode();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const first = pairing.pair(code, 'Chromium extension');
    expect(first.ok).toBe(true);
    const again = pairing.pair(code, 'Chromium extension');
    expect(again).toMatchObject({ ok: false, reason: 'no_code' });
    expect(pairing.list().map((p) => p.name)).toEqual(['Chromium extension']);
  });

  it('accepts the code typed in lower case and without the dash', () => {
    const { pairing } = setup();
    const { code } = pairing.newCode();
    expect(pairing.pair(code.replace('-', '').toLowerCase(), 'Firefox extension').ok).toBe(true);
  });

  it('refuses a code once its five minutes are over', () => {
    const { pairing, advance } = setup();
    const { code, expiresAt } = pairing.newCode();
    expect(Date.parse(expiresAt)).toBe(Date.UTC(2026, 11, 5, 14, 5, 0));
    advance(CODE_TTL_MS);
    expect(pairing.pair(code, 'x')).toMatchObject({ ok: false, reason: 'expired' });
    expect(pairing.list()).toEqual([]);
  });

  it('refuses a wrong code, and a new code replaces the old one', () => {
    const { pairing } = setup();
    const old = pairing.newCode().code;
    expect(pairing.pair(wrongCode(old), 'x')).toMatchObject({ ok: false, reason: 'wrong_code' });
    const current = pairing.newCode().code;
    if (current !== old) expect(pairing.pair(old, 'x')).toMatchObject({ ok: false, reason: 'wrong_code' });
    expect(pairing.pair(current, 'x').ok).toBe(true);
  });

  it('burns the code after five wrong guesses, so the right code no longer works', () => {
    const { pairing } = setup();
    const { code } = pairing.newCode();
    for (let i = 1; i < MAX_FAILURES_PER_CODE; i++) expect(pairing.pair(wrongCode(code), 'x')).toMatchObject({ reason: 'wrong_code' });
    expect(pairing.pair(wrongCode(code), 'x')).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(pairing.pair(code, 'x')).toMatchObject({ ok: false, reason: 'no_code' });
    expect(pairing.list()).toEqual([]);
  });

  it('takes at most ten attempts a minute, whatever they carry', () => {
    const { pairing, advance } = setup();
    for (let i = 0; i < MAX_ATTEMPTS_PER_MINUTE; i++) expect(pairing.pair('NOPE-NOPE', 'x').ok).toBe(false);
    const { code } = pairing.newCode();
    expect(pairing.pair(code, 'x')).toMatchObject({ ok: false, reason: 'rate_limited' });
    advance(60_000);
    expect(pairing.pair(code, 'x').ok).toBe(true);
  });

  it('keeps only the SHA-256 of a token, and knows the token again after a restart', () => {
    const { dir, pairing, reopen } = setup();
    const r = pairing.pair(pairing.newCode().code, 'Chromium extension');
    if (!r.ok) throw new Error(r.message);
    const file = fs.readFileSync(path.join(dir, PAIRINGS_FILE), 'utf8');
    expect(file).not.toContain(r.token);
    expect(file).toMatch(/"tokenSha256": "[0-9a-f]{64}"/);
    const after = reopen();
    expect(after.authenticate(r.token)?.id).toBe(r.pairing.id);
    expect(after.authenticate(`${r.token}x`)).toBeNull();
    expect(after.authenticate('')).toBeNull();
  });

  it('refuses an unpaired token: never paired, or unpaired since', () => {
    const { pairing, reopen } = setup();
    expect(pairing.authenticate('made-up-token')).toBeNull();
    const r = pairing.pair(pairing.newCode().code, 'x');
    if (!r.ok) throw new Error(r.message);
    expect(pairing.unpair(r.pairing.id)).toBe(true);
    expect(pairing.authenticate(r.token)).toBeNull();
    expect(reopen().authenticate(r.token)).toBeNull();
    expect(pairing.unpair(r.pairing.id)).toBe(false);
  });

  it('records when a paired extension was last seen', () => {
    const { pairing, advance } = setup();
    const r = pairing.pair(pairing.newCode().code, 'x');
    if (!r.ok) throw new Error(r.message);
    expect(pairing.list()[0]!.lastSeenAt).toBeNull();
    advance(1000);
    pairing.authenticate(r.token);
    expect(pairing.list()[0]!.lastSeenAt).toBe('2026-12-05T14:00:01.000Z');
  });

  it('sets a damaged pairings file aside instead of deleting it, and starts unpaired', () => {
    const { dir } = setup();
    fs.writeFileSync(path.join(dir, PAIRINGS_FILE), '{ not json');
    const p = new ExtensionPairing({ dir, clock: () => 42 });
    expect(p.list()).toEqual([]);
    expect(fs.readFileSync(path.join(dir, `${PAIRINGS_FILE}.damaged-42`), 'utf8')).toBe('{ not json');
  });

  it('refuses a pairing without a usable name', () => {
    const { pairing } = setup();
    const { code } = pairing.newCode();
    expect(pairing.pair(code, '   ')).toMatchObject({ ok: false, reason: 'invalid_name' });
    expect(pairing.pair(code, 42)).toMatchObject({ ok: false, reason: 'invalid_name' });
  });
});
