/** Tests: background mode indexes large sources a passage per unit of work, with the same results as a synchronous build. */
import { describe, expect, it } from 'vitest';
import { makeHighlight, makeSource } from '../../tests/support/search-fixtures';
import { INLINE_SOURCE_CHARS, SearchIndex } from './search-index';

const WORDS = 'talks border trade energy summit ministry grain corridor treaty delegation harbour pipeline'.split(' ');

/** `paragraphs` paragraphs of ordinary words, with `first` opening the text and `last` closing it. */
function text(paragraphs: number, first: string, last: string, wordsEach = 60): string {
  const out = [first];
  for (let p = 0; p < paragraphs; p++) {
    const words: string[] = [];
    for (let w = 0; w < wordsEach; w++) words.push(WORDS[(p * 7 + w * 3) % WORDS.length]!);
    out.push(`${words.join(' ')}.`);
  }
  out.push(`Finally ${last}.`);
  return out.join('\n');
}

const LARGE_A = text(400, 'aardvark', 'zeppelin');
const LARGE_B = text(350, 'bluebell', 'yardarm');
const QUERIES = ['aardvark', 'zeppelin', 'bluebell', 'yardarm', 'pipeline', '"grain corridor"', 'treat', 'harbour zeppelin', 'finally'];

const drain = (index: SearchIndex): number => {
  let units = 0;
  while (index.work(() => false)) units++;
  return units + 1;
};
const results = (index: SearchIndex) => QUERIES.map((q) => index.search(q, { limit: 50 }));
const vocabulary = (index: SearchIndex) => index.toJSON().vocabulary.sort(([a], [b]) => (a < b ? -1 : 1));

describe('background mode', () => {
  it('indexes a large source a passage per unit of work, then answers exactly like a synchronous build', () => {
    expect(LARGE_A.length).toBeGreaterThan(INLINE_SOURCE_CHARS);
    const sync = new SearchIndex();
    sync.upsertSource(makeSource('a', LARGE_A, { title: 'Harbour talks' }), LARGE_A);
    const bg = new SearchIndex(undefined, { background: true });
    bg.upsertSource(makeSource('a', LARGE_A, { title: 'Harbour talks' }), LARGE_A);

    expect(bg.pending).toBe(true);
    expect(bg.has('source', 'a')).toBe(true);
    for (let i = 0; i < 10; i++) bg.work(() => false);
    // The first passages are searchable while the rest waits.
    expect(bg.search('aardvark').map((h) => h.start)).toEqual([0]);
    expect(bg.search('zeppelin')).toEqual([]);
    // One unit per passage (plus the step that files the source): no unit indexes the whole text.
    expect(drain(bg) + 10).toBe(sync.size + 1);
    expect(bg.pending).toBe(false);
    expect(results(bg)).toEqual(results(sync));
    expect(bg.search('zeppelin')[0]).toMatchObject({ id: 'a', start: LARGE_A.indexOf('zeppelin'), end: LARGE_A.indexOf('zeppelin') + 8 });
  });

  it('indexes a small source before returning', () => {
    const bg = new SearchIndex(undefined, { background: true });
    bg.upsertSource(makeSource('s', 'Grain talks resumed in Ankara.'), 'Grain talks resumed in Ankara.');
    expect(bg.pending).toBe(false);
    expect(bg.search('ankara').map((h) => h.id)).toEqual(['s']);
  });

  it('a new version supersedes one still being indexed; its old words are forgotten', () => {
    const bg = new SearchIndex(undefined, { background: true });
    bg.upsertSource(makeSource('a', LARGE_A), LARGE_A);
    for (let i = 0; i < 150; i++) bg.work(() => false);
    bg.upsertSource(makeSource('a', LARGE_B), LARGE_B);
    drain(bg);
    const sync = new SearchIndex();
    sync.upsertSource(makeSource('a', LARGE_B), LARGE_B);
    expect(results(bg)).toEqual(results(sync));
    expect(bg.search('aardvark')).toEqual([]);
    expect(vocabulary(bg)).toEqual(vocabulary(sync));
  });

  it('a removed source leaves search at once, even half indexed, and its words leave the vocabulary', () => {
    const bg = new SearchIndex(undefined, { background: true });
    bg.upsertSource(makeSource('b', LARGE_B), LARGE_B);
    drain(bg);
    bg.upsertSource(makeSource('a', LARGE_A), LARGE_A);
    // More passages than a removal forgets at once: their words are forgotten as queued work.
    for (let i = 0; i < 200; i++) bg.work(() => false);
    bg.removeSource('a');
    expect(bg.pending).toBe(true);
    expect(bg.search('aardvark')).toEqual([]);
    expect(bg.has('source', 'a')).toBe(false);
    drain(bg);
    const sync = new SearchIndex();
    sync.upsertSource(makeSource('b', LARGE_B), LARGE_B);
    expect(results(bg)).toEqual(results(sync));
    expect(vocabulary(bg)).toEqual(vocabulary(sync));
  });

  it('a new title re-indexes only the first passage of a large source', () => {
    const index = new SearchIndex();
    index.upsertSource(makeSource('a', LARGE_A, { title: 'Harbour talks' }), LARGE_A);
    index.upsertSource(makeSource('a', LARGE_A, { title: 'Quayside negotiations' }), LARGE_A);
    expect(index.toJSON().tombstones).toBe(1);
    expect(index.search('quayside').map((h) => h.id)).toEqual(['a']);
    expect(index.search('harbour talks', { kinds: ['source'] }).every((h) => h.start !== 0)).toBe(true);
  });

  it('compacts in steps after a huge removal; searches stay right during and after', () => {
    // 6,000 one-line paragraphs: 6,000 passages, enough tombstones to start a compaction.
    const many = text(6000, 'mongoose', 'nightjar', 3);
    const bg = new SearchIndex(undefined, { background: true });
    const sync = new SearchIndex();
    for (const index of [bg, sync]) {
      // Drained after each source, so document ids come in this order: m's passages, h0, b's passages, h1.
      index.upsertSource(makeSource('m', many), many);
      drain(index);
      index.upsertHighlight(makeHighlight('h0', 'b', LARGE_B, 0, 8, { note: 'osprey' }), []);
      index.upsertSource(makeSource('b', LARGE_B), LARGE_B);
      drain(index);
      index.upsertHighlight(makeHighlight('h1', 'b', LARGE_B, 0, 8), []);
    }
    bg.removeSource('m');
    sync.removeSource('m');
    expect(bg.pending).toBe(true);
    // 6,002 units forget the removed passages; the next 100 copy a third of the live documents into new engines.
    for (let i = 0; i < 6102; i++) bg.work(() => false);
    // Changes while the engines are rebuilt reach the new ones too.
    for (const index of [bg, sync]) {
      index.upsertHighlight(makeHighlight('h2', 'b', LARGE_B, LARGE_B.indexOf('yardarm'), LARGE_B.indexOf('yardarm') + 7, { note: 'pelican' }), []);
      index.removeHighlight('h0'); // already copied into the new engines: a tombstone there
      index.removeHighlight('h1'); // not copied yet: never reaches them
    }
    expect(bg.search('pelican').map((h) => h.id)).toEqual(['h2']);
    expect(bg.search('mongoose')).toEqual([]);
    expect(bg.search('osprey')).toEqual([]);
    drain(bg);
    sync.compact();
    expect(bg.toJSON().tombstones).toBe(1);
    expect(results(bg)).toEqual(results(sync));
    expect(bg.search('pelican').map((h) => h.id)).toEqual(['h2']);
    expect(bg.search('bluebell', { kinds: ['highlight'] })).toEqual([]);
  });
});
