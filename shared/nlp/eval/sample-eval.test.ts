/** Recall/precision of suggestEntities against hand-written gold lists: the sample article and a held-out one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestEntities } from '../index';
import { scoreSuggestions, type GoldEntity, type Score } from './score';

const read = (relative: string): string => readFileSync(new URL(relative, import.meta.url), 'utf8');
const goldOf = (relative: string): GoldEntity[] => (JSON.parse(read(relative)) as { entities: GoldEntity[] }).entities;

function report(label: string, score: Score): void {
  console.log(`${label}: recall ${score.recall.toFixed(3)} (${score.recalled}/${score.recalled + score.missed.length}), `
    + `precision ${score.precision.toFixed(3)} (${score.correct}/${score.suggested}), `
    + `type accuracy ${score.typeAccuracy.toFixed(3)}`);
  console.log(`${label}: missed ${JSON.stringify(score.missed)}; wrong/duplicate ${JSON.stringify(score.wrong)}; `
    + `mistyped ${JSON.stringify(score.mistyped)}`);
}

describe('suggestEntities on the sample article', () => {
  const text = read('../../../seeds/sample-article.txt');
  const suggestions = suggestEntities(text);
  const score = scoreSuggestions(suggestions, goldOf('./sample-gold.json'));

  it('reaches recall >= 0.9 and precision >= 0.8', () => {
    report('sample article', score);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('types matched suggestions as the gold list does', () => {
    expect(score.typeAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('finds what compromise alone misses, whole and correctly spelled', () => {
    const names = suggestions.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Kassym-Jomart Tokayev', 'Mevlüt Çavuşoğlu', 'Türkiye', 'Astana']));
    const erdogan = suggestions[0];
    expect(erdogan?.name).toBe('Recep Tayyip Erdoğan');
    expect(erdogan?.type).toBe('person');
    expect(erdogan?.variants).toEqual(expect.arrayContaining(['Erdoğan', 'Recep Tayyip Erdoğan']));
    expect(erdogan?.mentions).toBe(17);
  });
});

describe('suggestEntities on a held-out article (written after tuning)', () => {
  const suggestions = suggestEntities(read('./heldout-article.txt'));
  const score = scoreSuggestions(suggestions, goldOf('./heldout-gold.json'));

  it('reaches recall >= 0.9 and precision >= 0.8', () => {
    report('held-out article', score);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.8);
  });
});
