/** Dossier notes and the Sources list cite the web capture and the version a passage came from. */
import { describe, expect, it } from 'vitest';
import { WorkspaceState } from '../domain/state';
import type { CaptureRecord } from '../domain/capture';
import type { Dossier, Highlight, Source } from '../domain/types';
import type { DossierData } from './model';
import { renderDossierHtml, renderDossierJson, renderDossierMarkdown, resolveDossier, type DossierJson } from './index';
import { captureNote, captureTime } from './capture-line';

const T = '2026-12-05T14:03:07.000Z';
const RAW1 = '3f2a01bc'.padEnd(60, '0') + '91c9';
const RAW2 = 'aa11bb22'.padEnd(60, '1') + 'ee44';
const TEXT1 = 'The port authority said forty ships were waiting.';
const TEXT2 = 'The port authority said fifty-two ships were waiting.';

const capture = (raw: string, capturedAt: string, over: Partial<CaptureRecord> = {}): CaptureRecord => ({
  method: 'url', requestedUrl: 'https://example.org/a', finalUrl: 'https://example.org/a', redirects: [], status: 200, headers: {},
  capturedAt, contentType: 'text/html', charset: 'utf-8', charsetSource: 'header', raw: { sha256: raw, bytes: 10, mediaType: 'text/html' },
  textSha256: 'c'.repeat(64), rendered: { sha256: 'd'.repeat(64), bytes: 5, mediaType: 'application/pdf' },
  page: { title: '', authors: [], publisher: '', publishedAt: '', modifiedAt: '', language: '', canonicalUrl: '', found: [] }, userAgent: '', ...over,
});
const source = (id: string, text: string, over: Partial<Source>): Source => ({
  id, kind: 'html', fileName: '', contentHash: 'e'.repeat(64), textLength: text.length,
  meta: { title: 'Port strike', authors: [], publisher: 'Ledger', publishedAt: '2026-12-01', url: 'https://example.org/a', language: 'en' },
  reliability: 'B', createdAt: T, updatedAt: T, ...over,
});
const v1 = source('v1', TEXT1, { capture: capture(RAW1, T), versionOf: { rootId: 'v1', previousId: null, version: 1 } });
const v2 = source('v2', TEXT2, { capture: capture(RAW2, '2026-12-09T08:30:59.000Z'), versionOf: { rootId: 'v1', previousId: 'v1', version: 2 } });
const single = source('s1', TEXT1, { capture: capture(RAW1, T, { method: 'extension', finalUrl: 'https://example.org/b' }) });
const file = source('f1', TEXT1, { fileName: 'notes.txt' });
delete file.capture;

const hl = (id: string, s: Source, text: string, exact: string): Highlight => {
  const start = text.indexOf(exact);
  return {
    id, sourceId: s.id, color: 'yellow', quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length }, tagIds: [], note: '', entityIds: [], createdAt: T, updatedAt: T,
  };
};
const highlights = [hl('h1', v1, TEXT1, 'forty ships'), hl('h2', v2, TEXT2, 'fifty-two ships'), hl('h3', file, TEXT1, 'forty ships'), hl('h4', single, TEXT1, 'port authority')];
const dossier: Dossier = {
  id: 'd1', title: 'Ports', subjectIds: [], author: '', createdAt: T, updatedAt: T,
  sections: [{ id: 's', title: 'S', blocks: highlights.map((h, i) => ({ id: `b${i}`, kind: 'quote' as const, refId: h.id, text: '' })) }],
};

function render() {
  const state = WorkspaceState.fromJson({
    sources: Object.fromEntries([v1, v2, single, file].map((s) => [s.id, s])),
    highlights: Object.fromEntries(highlights.map((h) => [h.id, h])), dossiers: { d1: dossier },
  });
  const texts: Record<string, string> = { v1: TEXT1, v2: TEXT2, s1: TEXT1, f1: TEXT1 };
  const data: DossierData = { get: (c, id) => state.get(c, id), all: (c) => state.all(c), textOf: (s) => texts[s.id] ?? null };
  const resolved = resolveDossier(dossier, data, { generatedAt: T });
  return { html: renderDossierHtml(resolved), md: renderDossierMarkdown(resolved), json: JSON.parse(renderDossierJson(resolved, data)) as DossierJson };
}

describe('capture citations', () => {
  it('names the capture time (UTC), address, version and raw-page hash of a captured source; nothing for a file', () => {
    expect(captureTime(T)).toBe('2026-12-05 14:03 UTC');
    expect(captureNote(v1)).toBe('captured 2026-12-05 14:03 UTC from https://example.org/a, version 1, SHA-256 3f2a01bc…91c9 (raw page)');
    expect(captureNote(v2)).toBe('captured 2026-12-09 08:30 UTC from https://example.org/a, version 2, SHA-256 aa11bb22…ee44 (raw page)');
    expect(captureNote(single)).toBe('captured 2026-12-05 14:03 UTC from https://example.org/b by the browser extension, SHA-256 3f2a01bc…91c9 (page as shown in the browser)');
    expect(captureNote(file)).toBe('');
    expect(captureNote(null)).toBe('');
  });

  it('each endnote cites the version its passage came from, in HTML, Markdown and JSON; the Sources list gives the full hashes', () => {
    const { html, md, json } = render();
    const note = (n: number) => new RegExp(`<li id="note-${n}">(.*?)</li>`).exec(html)?.[1] ?? '';
    expect(note(1)).toContain('“forty ships” — <span class="capture">captured 2026-12-05 14:03 UTC from https://example.org/a, version 1, SHA-256 3f2a01bc…91c9 (raw page)</span>');
    expect(note(2)).toContain('version 2, SHA-256 aa11bb22…ee44 (raw page)');
    expect(note(3)).not.toContain('captured');
    expect(note(4)).toContain('by the browser extension');
    expect(md).toContain('[^1]: *Port strike*, Ledger, 2026-12-01. <https://example.org/a>. ¶ 1, characters 24–35: “forty ships” — captured 2026-12-05 14:03 UTC from https://example.org/a, version 1, SHA-256 3f2a01bc…91c9 (raw page)');
    expect(md).toMatch(/\[\^2\]: .*version 2, SHA-256 aa11bb22…ee44 \(raw page\)$/m);
    expect(md).toMatch(/\[\^3\]: \*Port strike\*.*“forty ships”$/m);
    expect(json.notes.map((n) => n.capture)).toEqual([captureNote(v1), captureNote(v2), undefined, captureNote(single)]);
    // Sources: the whole hashes, for checking the stored files.
    expect(html).toContain(`raw page SHA-256 ${RAW1}; printed copy (PDF) SHA-256 ${'d'.repeat(64)}; text SHA-256 ${'c'.repeat(64)}.`);
    expect(html).toContain(`Captured 2026-12-09 08:30 UTC from https://example.org/a (version 2); raw page SHA-256 ${RAW2}`);
    expect(md).toContain(`Captured 2026-12-05 14:03 UTC from https://example.org/a (version 1); raw page SHA-256 ${RAW1}`);
  });
});
