import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { suggestEntities } from '../index';
it('bench', () => {
  const a = readFileSync(new URL('../../../seeds/sample-article.txt', import.meta.url), 'utf8');
  const b = readFileSync(new URL('../eval/heldout-article.txt', import.meta.url), 'utf8');
  // vary text so that names are not all identical: append counters to a synthetic name
  const parts: string[] = [];
  let n = 0;
  while (parts.join('\n').length < 1_000_000) { parts.push(a, b, `Analyst Zorbek${n} Qwertyan said Bloggs${n} went to Town${n}.`); n++; }
  const text = parts.join('\n');
  for (const size of [100_000, 1_000_000]) {
    const t = text.slice(0, size);
    const s0 = performance.now();
    const r = suggestEntities(t);
    console.log(size, 'chars', Math.round(performance.now() - s0), 'ms', r.length, 'suggestions', r.slice(0, 5).map(x => `${x.name}:${x.mentions}`).join(', '));
  }
});
