import { it } from 'vitest';
import { suggestEntities } from '../index';
it('patho', () => {
  const words = Array.from({ length: 5000 }, (_, i) => 'Qx' + i.toString(36) + 'ab');
  const cases: Record<string, string> = {
    capsNoPunct: Array.from({ length: 120000 }, (_, i) => words[(i * 7919) % 5000]).join(' '),
    sentencesUnknownStarts: Array.from({ length: 40000 }, (_, i) => `${words[i % 5000]} went home. `).join(''),
    noSpaces: 'a'.repeat(1_000_000),
    allCaps: 'NATO AND THE EU MET TODAY. '.repeat(40000),
    connectors: 'Ministry of Foreign Affairs of Kazakhstan and Bank of Anything for Everything in Asia. '.repeat(12000),
  };
  for (const [name, text] of Object.entries(cases)) {
    const t0 = performance.now();
    const r = suggestEntities(text);
    console.log(name, text.length, Math.round(performance.now() - t0), 'ms', r.length);
  }
});
