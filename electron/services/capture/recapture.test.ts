/** Re-capture with a fake fetcher: unchanged, a new version with carried highlights and orphans, A→B→A, undo, failures. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../shared/domain/types';
import { Workbench } from '../workbench/workbench';
import { importText } from '../workbench/sources';
import { createHighlight } from '../workbench/highlights';
import { createTag } from '../workbench/tags';
import { createEntity, setHighlightEntities } from '../workbench/entities';
import { updateSourceMeta } from '../workbench/sources';
import { captureUrl } from './capture-url';
import { recapture } from './recapture';
import { listVersions } from './versions';
import type { FetchedPage, PageFetcher } from './types';
import { tempDir } from '../../../tests/unit/helpers';

const URL_A = 'https://news.example/story';

/** Distinct, long-enough paragraphs so Readability keeps them all. */
const P = [
  'Officials in the capital confirmed on Monday that the grain corridor talks had stalled after a third round of meetings.',
  'The delegation from the northern ports said it would not sign any text that left insurance questions open for the winter.',
  'According to two people present, the mediator proposed a shorter agreement covering only the next ninety days of shipping.',
  'Analysts at the shipping exchange expect freight rates to rise by a fifth if no agreement is reached before the end of March.',
  'A spokesperson for the ministry declined to comment on the timing of the next round, citing the sensitivity of the talks.',
];

const html = (paras: string[], extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Grain corridor talks stall</title>${extra}</head>` +
  `<body><article><h1>Grain corridor talks stall</h1>${paras.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;

/** A fetcher whose answer for URL_A can be swapped between calls (a page that changes), or made to fail. */
function changingFetcher(initial: string) {
  let body: string | null = initial;
  let n = 0;
  const f: PageFetcher = async (url) => {
    n++;
    if (body === null) return { ok: false, error: { reason: 'timeout', url, message: `${url}: no answer within 30 s` } };
    const page: FetchedPage = {
      requestedUrl: url, finalUrl: url, redirects: [], status: 200, headers: { 'content-type': 'text/html; charset=utf-8' },
      contentType: 'text/html', headerCharset: 'utf-8', bytes: new TextEncoder().encode(body), receivedAt: `2026-12-0${Math.min(n, 9)}T14:03:00.000Z`,
    };
    return { ok: true, value: page };
  };
  return { fetcher: f, serve: (b: string | null) => void (body = b) };
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function fingerprint(wb: Workbench) {
  const dir = wb.store.dir;
  const list = (sub: string) => (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).sort() : []);
  return {
    sources: JSON.stringify(wb.state.all('sources')), highlights: wb.state.count('highlights'),
    journal: fs.statSync(path.join(dir, 'journal.log')).size, captures: list('captures'), texts: list('texts'),
  };
}

/** Highlights `quote` (first occurrence) in a source's text. */
function highlight(wb: Workbench, sourceId: string, quote: string, extra: Partial<{ tagIds: string[]; note: string }> = {}): Highlight {
  const text = wb.store.texts.get(wb.state.get('sources', sourceId)!.contentHash)!;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return must(createHighlight(wb, { sourceId, start, end: start + quote.length, color: 'yellow', tagIds: [], note: '', ...extra }));
}

async function capturedWorkspace(paras = P) {
  const wb = await Workbench.open(tempDir(), { autoBackup: false });
  const page = changingFetcher(html(paras));
  const first = must(await captureUrl(wb, URL_A, { fetcher: page.fetcher })).source;
  return { wb, page, first };
}

describe('recapture', () => {
  it('same text: unchanged, nothing stored; same text in different bytes: unchanged with rawChanged', async () => {
    const { wb, page, first } = await capturedWorkspace();
    const before = fingerprint(wb);
    const same = must(await recapture(wb, first.id, { fetcher: page.fetcher }));
    expect(same).toMatchObject({ status: 'unchanged', rawChanged: false, previousId: first.id, carried: 0, orphans: [], source: { id: first.id } });
    expect(fingerprint(wb)).toEqual(before);
    page.serve(html(P, '<meta name="generator" content="cms 2">'));
    const touched = must(await recapture(wb, first.id, { fetcher: page.fetcher }));
    expect(touched).toMatchObject({ status: 'unchanged', rawChanged: true, source: { id: first.id } });
    expect(fingerprint(wb)).toEqual(before);
    await wb.close();
  });

  it('changed: a new version linked to the old, highlights carried (exact and moved) and orphans (removed, edited) listed', async () => {
    const { wb, page, first } = await capturedWorkspace();
    must(updateSourceMeta(wb, first.id, {}, 'B'));
    const tag = must(createTag(wb, { name: 'shipping', parentId: null }));
    const entity = must(createEntity(wb, { type: 'organisation', name: 'Shipping exchange', aliases: [], description: '' })).entity;
    const kept = highlight(wb, first.id, 'confirmed on Monday that the grain corridor talks had stalled', { tagIds: [tag.id], note: 'key date' });
    const removed = highlight(wb, first.id, 'left insurance questions open for the winter');
    const edited = highlight(wb, first.id, 'only the next ninety days of shipping');
    const editedKeep = highlight(wb, first.id, 'According to two people present');
    const moved = highlight(wb, first.id, 'expect freight rates to rise by a fifth', { note: 'forecast' });
    must(setHighlightEntities(wb, moved.id, [entity.id]));
    const oldHighlights = JSON.stringify(wb.state.highlightsOf(first.id));

    // P[1] removed, P[2] edited (its end), P[3] moved to the end.
    const next = [P[0]!, P[2]!.replace('only the next ninety days of shipping', 'the next sixty days of shipping'), P[4]!, P[3]!];
    page.serve(html(next));
    const r = must(await recapture(wb, first.id, { fetcher: page.fetcher }));
    expect(r.status).toBe('changed');
    expect(r.previousId).toBe(first.id);
    expect(r.carried).toBe(3);
    expect(r.orphans.map((o) => o.highlightId).sort()).toEqual([edited.id, removed.id].sort());
    expect(r.orphans.find((o) => o.highlightId === removed.id)?.exact).toBe(removed.quote.exact);

    const v2 = r.source;
    expect(v2.id).not.toBe(first.id);
    expect(v2.versionOf).toEqual({ rootId: first.id, previousId: first.id, version: 2 });
    expect(v2.reliability).toBe('B');
    expect(v2.capture).toMatchObject({ requestedUrl: URL_A, textSha256: v2.contentHash, capturedAt: '2026-12-02T14:03:00.000Z' });
    expect(wb.state.get('sources', first.id)!.versionOf).toEqual({ rootId: first.id, previousId: null, version: 1 });

    const text2 = wb.store.texts.get(v2.contentHash)!;
    const carried = wb.state.highlightsOf(v2.id);
    expect(carried).toHaveLength(3);
    for (const h of carried) {
      expect(text2.slice(h.position.start, h.position.end)).toBe(h.quote.exact);
      expect(wb.state.get('highlights', h.id)).toBeDefined();
    }
    const byQuote = (q: string) => carried.find((h) => h.quote.exact === q)!;
    expect(byQuote(kept.quote.exact)).toMatchObject({ color: kept.color, tagIds: [tag.id], note: 'key date', entityIds: [] });
    expect(byQuote(editedKeep.quote.exact)).toBeDefined();
    const m = byQuote(moved.quote.exact);
    expect(m).toMatchObject({ note: 'forecast', entityIds: [entity.id] });
    expect(m.position.start).toBe(text2.indexOf(moved.quote.exact));
    expect(m.position.start).toBeGreaterThan(text2.indexOf('A spokesperson'));
    expect(new Set(carried.map((h) => h.id)).size).toBe(3);
    expect(carried.some((h) => [kept.id, moved.id, editedKeep.id].includes(h.id))).toBe(false);
    // The old version's highlights are untouched (claims keep citing what they cited).
    expect(JSON.stringify(wb.state.highlightsOf(first.id))).toBe(oldHighlights);
    await wb.close();
  });

  it('A → B → A is version 3 (not swallowed by the dedupe of identical text), and an older version re-captures the newest', async () => {
    const { wb, page, first } = await capturedWorkspace();
    page.serve(html(P.slice(0, 3)));
    const v2 = must(await recapture(wb, first.id, { fetcher: page.fetcher })).source;
    page.serve(html(P));
    // Asked on version 1: the chain's newest (version 2) is what the page is compared with and followed by.
    const r3 = must(await recapture(wb, first.id, { fetcher: page.fetcher }));
    expect(r3).toMatchObject({ status: 'changed', previousId: v2.id });
    expect(r3.source.versionOf).toEqual({ rootId: first.id, previousId: v2.id, version: 3 });
    expect(r3.source.contentHash).toBe(first.contentHash);
    expect(wb.state.count('sources')).toBe(3);
    const versions = must(listVersions(wb, v2.id));
    expect(versions.map((v) => [v.id, v.version])).toEqual([[first.id, 1], [v2.id, 2], [r3.source.id, 3]]);
    expect(versions.map((v) => v.capturedAt)).toEqual(['2026-12-01T14:03:00.000Z', '2026-12-02T14:03:00.000Z', '2026-12-03T14:03:00.000Z']);
    // The same page again: unchanged against version 3 (not a version 4).
    expect(must(await recapture(wb, v2.id, { fetcher: page.fetcher }))).toMatchObject({ status: 'unchanged', source: { id: r3.source.id } });
    await wb.close();
  });

  it('versions list the chain oldest first with highlight counts; a source that was not captured has none', async () => {
    const { wb, page, first } = await capturedWorkspace();
    highlight(wb, first.id, 'confirmed on Monday');
    highlight(wb, first.id, 'the mediator proposed');
    expect(must(listVersions(wb, first.id))).toEqual([expect.objectContaining({ id: first.id, version: 1, highlightCount: 2, textSha256: first.contentHash })]);
    page.serve(html(P.slice(1)));
    const v2 = must(await recapture(wb, first.id, { fetcher: page.fetcher })).source;
    expect(must(listVersions(wb, first.id)).map((v) => [v.version, v.highlightCount, v.title])).toEqual([
      [1, 2, 'Grain corridor talks stall'], [2, 1, 'Grain corridor talks stall'],
    ]);
    expect(must(listVersions(wb, v2.id)).map((v) => v.id)).toEqual([first.id, v2.id]);
    const pasted = must(await importText(wb, 'Some pasted notes about shipping.', 'Notes')).source;
    expect(must(listVersions(wb, pasted.id))).toEqual([]);
    expect(listVersions(wb, 'no-such-id')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await wb.close();
  });

  it('undo removes the new version and its highlights and restores the old version as it was', async () => {
    const { wb, page, first } = await capturedWorkspace();
    highlight(wb, first.id, 'confirmed on Monday');
    const before = JSON.stringify({ sources: wb.state.all('sources'), highlights: wb.state.all('highlights') });
    page.serve(html(P.slice(0, 4)));
    const r = must(await recapture(wb, first.id, { fetcher: page.fetcher }));
    expect(r.carried).toBe(1);
    expect(wb.state.history.undo.at(-1)?.label).toBe('Re-capture “Grain corridor talks stall” (version 2)');
    must(wb.step('undo'));
    expect(wb.state.get('sources', r.source.id)).toBeUndefined();
    expect(wb.state.highlightsOf(r.source.id)).toEqual([]);
    expect(JSON.stringify({ sources: wb.state.all('sources'), highlights: wb.state.all('highlights') })).toBe(before);
    must(wb.step('redo'));
    expect(wb.state.highlightsOf(r.source.id)).toHaveLength(1);
    await wb.close();
  });

  it('a failed fetch or a rejected page during re-capture stores nothing', async () => {
    const { wb, page, first } = await capturedWorkspace();
    highlight(wb, first.id, 'confirmed on Monday');
    const before = fingerprint(wb);
    page.serve(null);
    const failed = await recapture(wb, first.id, { fetcher: page.fetcher });
    expect(failed).toMatchObject({ ok: false, error: { code: 'capture_failed', details: { reason: 'timeout', url: URL_A } } });
    expect(fingerprint(wb)).toEqual(before);
    page.serve('   ');
    const rejected = await recapture(wb, first.id, { fetcher: page.fetcher });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'import_rejected' } });
    expect(fingerprint(wb)).toEqual(before);
    await wb.close();
  });

  it('refuses a source that was not captured (unsupported) and an unknown id (not_found)', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const pasted = must(await importText(wb, 'Some pasted notes about shipping.', 'Notes')).source;
    const { fetcher } = changingFetcher(html(P));
    const r = await recapture(wb, pasted.id, { fetcher });
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/only captured pages can be re-captured/) } });
    expect(await recapture(wb, 'nope', { fetcher })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await wb.close();
  });
});
