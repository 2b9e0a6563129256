import { it } from 'vitest';
import { tokenize } from '../tokenize';
import { findRuns } from '../runs';
it('prof', () => {
  const text = 'NATO AND THE EU MET TODAY. '.repeat(40000);
  let t0 = performance.now();
  const tk = tokenize(text);
  console.log('tokenize', Math.round(performance.now() - t0), tk.tokens.length);
  t0 = performance.now();
  const runs = findRuns(tk.tokens, text);
  console.log('runs', Math.round(performance.now() - t0), runs.length);
  const t2 = Array.from({ length: 40000 }, (_, i) => `Qx${i} went home. `).join('');
  t0 = performance.now();
  const tk2 = tokenize(t2);
  console.log('tokenize2', Math.round(performance.now() - t0), tk2.tokens.length);
});
