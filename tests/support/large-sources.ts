/** Deterministic multi-megabyte source texts and an event-loop gap meter, for the search responsiveness test and bench. */
import { ok } from '../../shared/domain/result';
import type { Source } from '../../shared/domain/types';
import { newId, now, type Workbench } from '../../electron/services/workbench/workbench';
import { createPrng } from './synthetic-text';

const SYLLABLES = 'ka ri to me sa lu on de vi ra şe ğa ıl öz ül ça in po ze ta mi ko ber stan yev ol ur ek ni'.split(' ');

/**
 * About `chars` characters of news-like text in paragraphs (some of them long), with `first` as the
 * first word and `last` as the last word, so a test can check matches at both ends.
 */
export function largeText(chars: number, seed: number, first: string, last: string): string {
  const rand = createPrng(seed);
  const words = Array.from({ length: 8000 }, () => {
    let w = '';
    for (let k = 2 + Math.floor(rand() * 3); k > 0; k--) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return w;
  });
  const pick = (): string => words[Math.floor(words.length * rand() ** 2)] ?? 'ka';
  const paragraphs: string[] = [first];
  let size = first.length;
  while (size < chars) {
    // Mostly ordinary paragraphs, a few very long ones (split at sentences when indexed).
    const sentences = rand() < 0.05 ? 60 : 2 + Math.floor(rand() * 6);
    const parts: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const n = 8 + Math.floor(rand() * 15);
      const ws: string[] = [];
      for (let i = 0; i < n; i++) ws.push(pick());
      parts.push(`${ws.join(' ')}.`);
    }
    const p = parts.join(' ');
    paragraphs.push(p);
    size += p.length + 1;
  }
  paragraphs.push(`The closing words: ${last}`);
  return paragraphs.join('\n');
}

/** Stores the text and commits a source for it, as an import does (without the parsing). */
export function putTextSource(wb: Workbench, text: string, title: string): Source {
  const t = now();
  const source: Source = {
    id: newId(), kind: 'text', fileName: `${title}.txt`, contentHash: wb.store.texts.put(text), textLength: text.length,
    meta: { title, authors: [], publisher: '', publishedAt: '', url: '', language: 'en' },
    reliability: 'F', createdAt: t, updatedAt: t,
  };
  const done = wb.run(`Import “${title}”`, () => ok({ ops: [{ t: 'put', c: 'sources', v: source }], value: source }));
  if (!done.ok) throw new Error(done.error.message);
  return source;
}

/** Records the longest gap between timer ticks (how long the event loop was blocked) and the peak RSS until stopped. */
export function gapMeter(tickMs = 5): { stop: () => { maxGapMs: number; peakRssMb: number } } {
  let last = performance.now();
  let max = 0;
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const t = performance.now();
    max = Math.max(max, t - last);
    last = t;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, tickMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { maxGapMs: Math.max(max, performance.now() - last), peakRssMb: Math.max(peakRss, process.memoryUsage.rss()) / 1024 / 1024 };
    },
  };
}
