/** End to end through the services: highlights survive CRLF/NFD/BOM re-imports, and copy onto a re-flowed new edition by anchoring. */
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../../electron/services/workbench/workbench';
import { importText, openSource } from '../../../electron/services/workbench/sources';
import { createHighlight } from '../../../electron/services/workbench/highlights';
import { anchorAll, normaliseText } from '../../../shared/anchoring';
import { createPrng, randomInt, syntheticText } from '../../support/synthetic-text';
import { tempDir } from '../helpers';

const HIGHLIGHTS = 300;
const words = (s: string): string => normaliseText(s).replace(/[\s\uFEFF]+/gu, ' ').trim();

function must<V>(r: { ok: true; value: V } | { ok: false; error: { message: string } }): V {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Doubles some spaces, turns some into tabs, adds blank lines: the same words, laid out differently. */
function reflow(text: string, seed: number): string {
  const r = createPrng(seed);
  return text.replace(/ |\n/g, (ws) => {
    const roll = r();
    if (roll < 0.08) return ws + ws;
    if (roll < 0.12) return ws === ' ' ? '\t' : '\n\n';
    return ws;
  });
}

describe('re-anchoring through the services', () => {
  it(`${HIGHLIGHTS} highlights: re-imports dedupe and stay exact; copied onto a new edition >= 99%, never misplaced`, async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const a = must(await importText(wb, syntheticText(11, 40_000), 'Original')).source;
    const text = must(openSource(wb, a.id)).text;
    const random = createPrng(12);
    for (let made = 0; made < HIGHLIGHTS;) {
      const start = randomInt(random, 0, text.length - 2);
      const r = createHighlight(wb, { sourceId: a.id, start, end: Math.min(text.length, start + randomInt(random, 1, 120)), color: 'yellow', tagIds: [], note: '' });
      if (r.ok) made++;
    }
    // The same text with other line endings, normal form or a BOM is the same source: nothing moves.
    for (const variant of [text.replace(/\n/g, '\r\n'), text.normalize('NFD'), `\uFEFF${text}`, `\uFEFF${text.normalize('NFD').replace(/\n/g, '\r\n')}`]) {
      const again = must(await importText(wb, variant, 'Re-import'));
      expect(again.duplicate).toBe(true);
      expect(again.source.id).toBe(a.id);
    }
    expect(must(openSource(wb, a.id)).highlights.every((h) => h.status === 'exact')).toBe(true);

    // A new edition: a preface, re-flowed whitespace, NFD, CRLF and a BOM: a different source.
    const edition = `\uFEFFSecond edition, revised.\r\n\r\n${reflow(text, 13).normalize('NFD').replace(/\n/g, '\r\n')}`;
    const b = must(await importText(wb, edition, 'Second edition'));
    expect(b.duplicate).toBe(false);
    const textB = must(openSource(wb, b.source.id)).text;
    const originals = wb.state.highlightsOf(a.id);
    const placed = anchorAll(textB, originals);
    const orphans: string[] = [];
    let copied = 0;
    let misplaced = 0;
    placed.forEach((p, i) => {
      const h = originals[i]!;
      if (p.status === 'orphan') return void orphans.push(JSON.stringify(h.quote.exact.slice(0, 40)));
      const copy = must(createHighlight(wb, { sourceId: b.source.id, start: p.start, end: p.end, color: h.color, tagIds: h.tagIds, note: h.note }));
      if (words(copy.quote.exact) === words(h.quote.exact)) copied++;
      else misplaced++;
    });
    const rate = copied / originals.length;
    console.log(`re-anchoring (services): ${originals.length} highlights, ${copied} copied onto the new edition (${(rate * 100).toFixed(1)}%), ${orphans.length} orphans${orphans.length ? ` [${orphans.join(', ')}]` : ''}, ${misplaced} misplaced`);
    expect(misplaced).toBe(0);
    expect(rate).toBeGreaterThanOrEqual(0.99);
    // The copies are exact in the new source's reader view.
    expect(must(openSource(wb, b.source.id)).highlights.every((h) => h.status === 'exact')).toBe(true);
    await wb.close();
  });
});
