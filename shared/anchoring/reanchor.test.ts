/** Property test: >= 1000 random highlights over multilingual text survive CRLF/NFD/BOM/whitespace re-imports. */
import { describe, expect, it } from 'vitest';
import { anchorAll, type AnchorResult } from './anchor';
import { describeRange, type RangeDescription } from './describe';
import { normaliseText } from './offsets';
import { createPrng, randomInt, syntheticText } from '../../tests/support/synthetic-text';

const SEED = 20_240_611;
const HIGHLIGHTS = 1200;
const text = syntheticText(SEED, 80_000);

/** Random ranges (1..120 units) that contain at least one non-space character. */
function randomHighlights(count: number): RangeDescription[] {
  const random = createPrng(SEED + 1);
  const out: RangeDescription[] = [];
  while (out.length < count) {
    const start = randomInt(random, 0, text.length - 1);
    const end = Math.min(text.length, start + randomInt(random, 1, 120));
    const described = describeRange(text, start, end);
    if (/\S/u.test(described.quote.exact)) out.push(described);
  }
  return out;
}

/** The words a passage says, whatever its line endings, BOM, normal form or spacing. */
const words = (s: string): string => normaliseText(s).replace(/[\s\uFEFF]+/gu, ' ').trim();

interface Variant {
  name: string;
  text: string;
  /** Where an original offset lands in the variant, when that is computable. */
  mapOffset?: (offset: number) => number;
}

function whitespaceReflow(source: string): string {
  const random = createPrng(SEED + 2);
  return source.replace(/ |\n/g, (ws) => {
    const roll = random();
    if (roll < 0.1) return ws + ws;
    if (roll < 0.15) return ws === '\n' ? '\r\n  ' : '\t';
    return ws;
  });
}

const variants: Variant[] = [
  { name: 'LF -> CRLF', text: text.replace(/\n/g, '\r\n'), mapOffset: (o) => o + (text.slice(0, o).match(/\n/g)?.length ?? 0) },
  { name: 'NFC -> NFD', text: text.normalize('NFD'), mapOffset: (o) => text.slice(0, o).normalize('NFD').length },
  { name: 'added BOM', text: '\uFEFF' + text, mapOffset: (o) => o + 1 },
  { name: 'BOM + NFD + CRLF', text: '\uFEFF' + text.normalize('NFD').replace(/\n/g, '\r\n') },
  { name: 'whitespace reflow', text: whitespaceReflow(text) },
];

function tally(variant: Variant, items: RangeDescription[], results: AnchorResult[]) {
  let sameWords = 0, otherWords = 0, orphans = 0, samePlace = 0;
  results.forEach((result, i) => {
    const item = items[i]!;
    if (result.status === 'orphan') return void (orphans += 1);
    const placed = variant.text.slice(result.start, result.end);
    if (words(placed) === words(item.quote.exact)) sameWords += 1;
    else otherWords += 1;
    const expected = variant.mapOffset?.(item.position.start);
    // CRLF may legitimately start a quote that began with "\n" on the "\r": allow 1 unit.
    if (expected !== undefined && Math.abs(result.start - expected) <= 1) samePlace += 1;
  });
  return { sameWords, otherWords, orphans, samePlace };
}

describe('re-anchoring random highlights after a re-import', () => {
  const items = randomHighlights(HIGHLIGHTS);

  it('anchors every highlight exactly in the text it was made on', () => {
    const results = anchorAll(text, items);
    expect(results.every((r, i) => r.status === 'exact' && r.start === items[i]!.position.start)).toBe(true);
  });

  it.each(variants)('$name: >= 99% on the same words, none on other words', (variant) => {
    const results = anchorAll(variant.text, items);
    const counts = tally(variant, items, results);
    expect(counts.otherWords).toBe(0);
    expect(counts.sameWords / items.length).toBeGreaterThanOrEqual(0.99);
    if (variant.mapOffset) expect(counts.samePlace / items.length).toBeGreaterThanOrEqual(0.99);
  });

  it.each(variants.filter((v) => v.name !== 'whitespace reflow'))(
    '$name: re-normalising gives back the stored text, so every highlight is exact',
    (variant) => {
      const renormalised = normaliseText(variant.text);
      expect(renormalised).toBe(text);
      expect(anchorAll(renormalised, items).every((r) => r.status === 'exact')).toBe(true);
    },
  );

  it('orphans highlights whose words were edited away, and places none on other words', () => {
    const edits: [string, string][] = [['İzmir', 'Izmir'], ['café', 'cafe'], ['😀', '😃'], ['الاتحاد', 'الإتحاد'], ['peace', 'pace']];
    let edited = text.replace(/\n/g, '\r\n');
    for (const [from, to] of edits) edited = edited.split(from).join(to);
    const touched = items.filter((h) => edits.some(([from]) => h.quote.exact.includes(from)));
    expect(touched.length).toBeGreaterThan(50);
    const results = anchorAll(edited, touched);
    expect(results.every((r) => r.status === 'orphan')).toBe(true);
    const all = anchorAll(edited, items);
    const misplaced = all.filter((r, i) => r.status !== 'orphan' && words(edited.slice(r.start, r.end)) !== words(items[i]!.quote.exact));
    expect(misplaced).toEqual([]);
  });

  it('covers the scripts it claims to', () => {
    for (const sample of ['ğ', 'ş', 'İ', 'ç', 'é', 'ال', 'ש', '😀', '👩‍🔬', 'q\u0307']) expect(text).toContain(sample);
  });
});
