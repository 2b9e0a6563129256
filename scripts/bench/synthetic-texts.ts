/** Deterministic source texts for a generated workspace: one ~1 MB reader source plus many of varied lengths. */
import { syntheticText } from '../../tests/support/synthetic-text';
import { READER_SOURCE_BYTES, type WorkspaceSize } from './args';
import { Rng } from './random';

const utf8 = new TextEncoder();

/** UTF-8 bytes per UTF-16 code unit of the synthetic text (it mixes ASCII, Turkish, Arabic and emoji). */
function bytesPerUnit(seed: number): number {
  const sample = syntheticText(seed, 50_000);
  return utf8.encode(sample).length / sample.length;
}

/**
 * Lengths in code units: mostly a few KB, a long tail (about 2% are 40–250 KB), scaled so that all
 * texts after the reader source add up to the size's text budget.
 */
function sourceLengths(r: Rng, count: number, totalUnits: number): number[] {
  const raw: number[] = [];
  for (let i = 0; i < count; i++) {
    if (r.chance(0.02)) raw.push(r.int(40_000, 250_000));
    else raw.push(Math.round(600 * Math.exp(r.float() * 2.6))); // ~0.6–8 KB, skewed short
  }
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((n) => Math.max(200, Math.round((n * totalUnits) / sum)));
}

export interface SyntheticTexts {
  /** texts[0] is the reader source. All are in canonical form (normaliseText), ready for TextStore.put. */
  texts: string[];
  bytes: number;
}

export function generateTexts(size: WorkspaceSize, seed: number): SyntheticTexts {
  const r = new Rng(seed ^ 0x51f15e);
  const ratio = bytesPerUnit(seed);
  const readerUnits = Math.round(READER_SOURCE_BYTES / ratio);
  const restUnits = Math.round((size.textBytes - READER_SOURCE_BYTES) / ratio);
  const lengths = [readerUnits, ...sourceLengths(r, size.sources - 1, restUnits)];
  const texts = lengths.map((units, i) => syntheticText(seed * 100_003 + i, units));
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t, 'utf8'), 0);
  return { texts, bytes };
}
