import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import https from 'node:https';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ocrDiagnostics, ocrLanguagesAvailable, recognisePdfPages } from './index';
import { characterErrorRate, editDistance } from './ocrText';
import { scannedPdf, textImage } from './scannedPdf.fixture';

const ENGLISH = 'The quick brown fox jumps over the lazy dog. Analysts cite reports by page number.';
const TURKISH = 'Türkiye: Cumhurbaşkanı Erdoğan konuştu.';
const KAZAKH = 'Қазақстан Республикасы туралы мәлімет.';

/** One scanned page: two English lines, then (after blank lines) a Turkish and a Kazakh paragraph. */
async function mixedScan(): Promise<Uint8Array> {
  const lines = ['The quick brown fox jumps over the lazy dog.', 'Analysts cite reports by page number.', '', TURKISH, '', KAZAKH];
  return scannedPdf([{ png: await textImage(lines, { dpi: 300 }), widthPt: 595, heightPt: 300 }]);
}

/** Any network use from this thread fails loudly (the worker has its own guard, counted in ocrDiagnostics). */
function forbidNetwork(): Array<{ mock: { calls: unknown[] } }> {
  const refuse = (): never => { throw new Error('network used during OCR'); };
  return [
    vi.spyOn(globalThis, 'fetch').mockImplementation(refuse),
    vi.spyOn(http, 'request').mockImplementation(refuse),
    vi.spyOn(http, 'get').mockImplementation(refuse),
    vi.spyOn(https, 'request').mockImplementation(refuse),
    vi.spyOn(https, 'get').mockImplementation(refuse),
  ];
}

afterEach(() => vi.restoreAllMocks());

describe('recognisePdfPages', () => {
  it('lists the installed languages: English, Turkish and Kazakh (no package ships Russian)', () => {
    expect(ocrLanguagesAvailable()).toEqual(['eng', 'tur', 'kaz']);
  });

  it('reads a scanned page in English, Turkish and Kazakh offline in a worker, as paragraphs, with languages and confidence', async () => {
    const spies = forbidNetwork();
    const pdf = await mixedScan();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const result = await recognisePdfPages(pdf, [1]);
    loopDelay.disable();
    // Rendering and recognising (seconds of CPU) happen in the worker: this thread is never held up for long.
    expect(loopDelay.max / 1e6).toBeLessThan(1_000);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const { engine, languages, pages, meanConfidence } = result.value;
    expect(engine).toMatch(/^tesseract\.js \d+\.\d+\.\d+$/);
    expect(languages).toEqual(['eng', 'tur', 'kaz']);
    expect(pages.map((p) => p.page)).toEqual([1]);
    const paragraphs = pages[0]!.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    // Combined models trade a Turkish diacritic or two for English (measured: 2 edits in 39 characters, 1 % overall).
    expect(characterErrorRate([ENGLISH, TURKISH, KAZAKH].join('\n\n'), pages[0]!.text)).toBeLessThanOrEqual(0.03);
    const rates = [ENGLISH, TURKISH, KAZAKH].map((expected, i) => characterErrorRate(expected, paragraphs[i]!));
    for (const rate of rates) expect(rate).toBeLessThanOrEqual(0.08);
    expect(paragraphs[2]).toContain('Қазақстан');
    const words = pages[0]!.text.split(/[\s:.,]+/);
    for (const word of ['Türkiye', 'Erdoğan']) expect(Math.min(...words.map((w) => editDistance(word, w)))).toBeLessThanOrEqual(1);
    expect(pages[0]!.confidence).toBeGreaterThan(60);
    expect(pages[0]!.confidence).toBeLessThanOrEqual(100);
    expect(meanConfidence).toBe(pages[0]!.confidence);
    for (const spy of spies) expect(spy.mock.calls).toHaveLength(0);
    expect(ocrDiagnostics.lastRunNetworkAttempts).toBe(0);
    expect(ocrDiagnostics.workersRunning).toBe(0);
  });

  it('with Turkish alone, reads Türkiye and Erdoğan exactly', async () => {
    const png = await textImage([TURKISH], { dpi: 300, heightPt: 120 });
    const result = await recognisePdfPages(await scannedPdf([{ png, widthPt: 595, heightPt: 120 }]), [1], { languages: ['tur'] });
    expect(result.ok && result.value.languages).toEqual(['tur']);
    expect(result.ok && result.value.pages[0]!.text).toBe(TURKISH);
  });

  it('refuses bytes that are not a PDF as ocr_failed, saying the PDF could not be opened, and ends its worker', async () => {
    const result = await recognisePdfPages(new TextEncoder().encode('%PDF-1.7 this is not really a PDF'), [1]);
    expect(result).toEqual({ ok: false, error: { reason: 'ocr_failed', detail: expect.stringMatching(/^opening the PDF: .*Invalid PDF/) } });
    expect(ocrDiagnostics.workersRunning).toBe(0);
  });

  it('runs one recognition at a time: calls made together never have two workers', async () => {
    const pdf = await mixedScan();
    ocrDiagnostics.peakWorkersRunning = 0;
    const results = await Promise.all([recognisePdfPages(pdf, [2]), recognisePdfPages(pdf, [3]), recognisePdfPages(pdf, [4])]);
    expect(results.map((r) => !r.ok && r.error.detail)).toEqual([2, 3, 4].map((n) => `page ${n} does not exist (the PDF has 1 page)`));
    expect(ocrDiagnostics.peakWorkersRunning).toBe(1);
    expect(ocrDiagnostics.workersRunning).toBe(0);
  });

  it('refuses a page past the end with the page count, and a page number below 1 before starting a worker', async () => {
    const pdf = await mixedScan();
    expect(await recognisePdfPages(pdf, [1, 3])).toEqual({
      ok: false, error: { reason: 'ocr_failed', detail: 'page 3 does not exist (the PDF has 1 page)' },
    });
    expect(await recognisePdfPages(pdf, [0])).toEqual({
      ok: false, error: { reason: 'ocr_failed', detail: 'page numbers start at 1 and are whole numbers (got 0)' },
    });
    expect(ocrDiagnostics.workersRunning).toBe(0);
  });

  it('refuses a language with no installed data as ocr_unavailable, naming what is installed', async () => {
    expect(await recognisePdfPages(await mixedScan(), [1], { languages: ['eng', 'rus'] })).toEqual({
      ok: false, error: { reason: 'ocr_unavailable', detail: 'no OCR language data for rus (installed: eng, tur, kaz)' },
    });
  });

  it('gives up on a page that runs past its time limit as ocr_timeout, and ends the worker', async () => {
    const result = await recognisePdfPages(await mixedScan(), [1], { timeoutMsPerPage: 1 });
    expect(result).toEqual({ ok: false, error: { reason: 'ocr_timeout', detail: 'recognising page 1 took longer than 0.001 s' } });
    expect(ocrDiagnostics.workersRunning).toBe(0);
  });
});
