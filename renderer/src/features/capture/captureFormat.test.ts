import { describe, expect, it } from 'vitest';
import type { CaptureVerification, RecaptureOutcome } from '../../../../shared/contract/views-capture';
import type { Source } from '../../../../shared/domain/types';
import { describeCharset, describeRecapture, elidedLabel, formatUtc, verifyItems } from './captureFormat';

describe('formatUtc', () => {
  it('shows the capture time in UTC to the minute, whatever the offset it was written with', () => {
    expect(formatUtc('2026-12-05T14:03:59.123Z')).toBe('2026-12-05 14:03 UTC');
    expect(formatUtc('2026-12-05T23:30:00+02:00')).toBe('2026-12-05 21:30 UTC');
  });

  it('shows an unreadable time as given, and a missing one as a dash', () => {
    expect(formatUtc('yesterday')).toBe('yesterday');
    expect(formatUtc('')).toBe('—');
  });
});

describe('describeCharset', () => {
  it('names the encoding and where it came from', () => {
    expect(describeCharset('windows-1251', 'meta')).toBe('windows-1251 (from the page’s <meta charset>)');
    expect(describeCharset('utf-8', 'header')).toBe('utf-8 (from the HTTP Content-Type header)');
    expect(describeCharset('windows-1252', 'default')).toBe('windows-1252 (the default for this type (nothing declared))');
    expect(describeCharset('', 'none')).toBe('none (binary)');
  });
});

describe('describeRecapture', () => {
  const base = { rawChanged: false, previousId: 'p', carried: 0, orphans: [], timings: { fetchMs: 0, extractMs: 0, renderMs: 0, totalMs: 0 } };
  it('counts carried highlights and orphans of a new version', () => {
    const changed: RecaptureOutcome = {
      ...base, status: 'changed', carried: 3,
      orphans: [{ highlightId: 'h', exact: 'gone' }],
      source: { versionOf: { rootId: 'r', previousId: 'p', version: 2 } } as unknown as Source,
    };
    expect(describeRecapture(changed)).toBe('Version 2 made: 3 highlights carried, 1 orphan');
    expect(describeRecapture({ ...changed, carried: 1, orphans: [] })).toBe('Version 2 made: 1 highlight carried, 0 orphans');
  });

  it('says unchanged, and whether only the bytes differed', () => {
    const unchanged: RecaptureOutcome = { ...base, status: 'unchanged', source: {} as Source };
    expect(describeRecapture(unchanged)).toMatch(/^Unchanged: the page is exactly as captured/);
    expect(describeRecapture({ ...unchanged, rawChanged: true })).toMatch(/^Unchanged: the text is the same \(the page’s bytes differ/);
  });
});

describe('verifyItems', () => {
  const check = (ok: boolean) => ({ expected: 'aa', actual: ok ? 'aa' : 'bb', ok });
  it('lists raw, printed and text in that order, leaving out a missing printed copy', () => {
    const v: CaptureVerification = { sourceId: 's', raw: check(true), rendered: check(false), text: check(true), ok: false };
    expect(verifyItems(v).map((i) => [i.label, i.ok])).toEqual([['Raw bytes', true], ['Printed copy', false], ['Extracted text', true]]);
    expect(verifyItems({ ...v, rendered: null }).map((i) => i.key)).toEqual(['raw', 'text']);
  });
});

describe('elidedLabel', () => {
  it('counts the characters left out, with thousands separators', () => {
    expect(elidedLabel(12345)).toBe('… 12,345 characters unchanged …');
    expect(elidedLabel(1)).toBe('… 1 character unchanged …');
  });
});
