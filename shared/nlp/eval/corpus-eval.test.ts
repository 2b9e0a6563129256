/** Per-language figures on the written-for-the-test articles (dev = tuned on, unseen = never tuned on), with regression floors. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestEntities } from '../index';
import { suggestClaims } from '../claims';
import { emptyCounts, figures, scoreArticle, type CorpusCounts, type GoldArticle, type GoldClaim } from './score-corpus';
import type { GoldEntity } from './score';

const dir = (split: string): URL => new URL(`./corpus/${split}/`, import.meta.url);

function load(split: string): GoldArticle[] {
  return readdirSync(dir(split)).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const id = f.replace(/\.txt$/, '');
    const gold = JSON.parse(readFileSync(new URL(`${id}.gold.json`, dir(split)), 'utf8')) as { entities: GoldEntity[]; claims: GoldClaim[] };
    return { id, text: readFileSync(new URL(f, dir(split)), 'utf8'), ...gold };
  });
}

function run(split: string): Map<string, CorpusCounts> {
  const byLanguage = new Map<string, CorpusCounts>();
  for (const article of load(split)) {
    const lang = article.id.slice(0, 2);
    const counts = byLanguage.get(lang) ?? emptyCounts();
    scoreArticle(counts, article, suggestEntities(article.text), suggestClaims(article.text));
    byLanguage.set(lang, counts);
  }
  for (const [lang, counts] of byLanguage) {
    console.log(`${split} ${lang}: ${JSON.stringify(figures(counts))}`);
    if (process.env.NLP_EVAL_VERBOSE === '1') console.log(counts.misses.join('\n'));
  }
  return byLanguage;
}

/** Floors slightly below the figures measured when this was written (docs/nlp-evaluation.md): regressions fail. */
const FLOORS: Record<string, Record<string, number>> = {
  en: { spanPrecision: 0.92, spanRecall: 0.92, typeAccuracy: 0.9, claimPrecision: 0.95, claimRecall: 0.95 },
  ru: { spanPrecision: 0.85, spanRecall: 0.8, typeAccuracy: 0.92, claimPrecision: 0.72, claimRecall: 0.68 },
  kk: { spanPrecision: 0.9, spanRecall: 0.95, typeAccuracy: 0.9, claimPrecision: 0.85, claimRecall: 0.85 },
  tr: { spanPrecision: 0.93, spanRecall: 0.9, typeAccuracy: 0.85, claimPrecision: 0.95, claimRecall: 0.95 },
};

describe('entity and claim suggestions on unseen articles', () => {
  const unseen = run('unseen');
  for (const [lang, floors] of Object.entries(FLOORS)) {
    it(`${lang}: span precision/recall, type accuracy and claim precision/recall stay at or above their floors`, () => {
      const counts = unseen.get(lang);
      expect(counts, `no unseen ${lang} articles`).toBeDefined();
      const measured = figures(counts as CorpusCounts);
      for (const [name, floor] of Object.entries(floors)) expect(measured[name], name).toBeGreaterThanOrEqual(floor);
    });
  }
});

describe('entity and claim suggestions on the development articles', () => {
  it('prints the dev figures (tuned on, so no floors are claimed for them)', () => {
    expect(run('dev').size).toBe(4);
  });
});
