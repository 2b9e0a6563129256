/** Proves the W3C musts harness: it accepts the suite's correct samples and rejects the incorrect ones. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMusts, parseLenientJson, sampleFiles } from './mustsHarness';

const musts = loadMusts('annotations/annotationMusts.test');

function load(file: string): { ok: true; value: unknown } | { ok: false; error: string } {
  return parseLenientJson(fs.readFileSync(file, 'utf8'));
}

const typeOf = (doc: unknown): unknown => (doc as { type?: unknown }).type;

describe('W3C musts harness', () => {
  it('loads every assertion named in annotationMusts.test', () => {
    expect(musts.assertions.length).toBe(54);
  });

  it('passes 38 of the 43 single-annotation correct samples; the 5 others are composite targets or pages', () => {
    const results = sampleFiles('correct').map((file) => {
      const parsed = load(file);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
      return { name: path.basename(file), doc: parsed.value, failures: musts.check(parsed.value) };
    });
    // Collections describe many annotations; the annotation musts are not for them.
    const single = results.filter((r) => typeOf(r.doc) !== 'AnnotationCollection');
    expect(single).toHaveLength(43);
    const failing = single.filter((r) => r.failures.length > 0);
    expect(single.length - failing.length).toBe(38);
    expect(failing.map((r) => r.name).sort()).toEqual(['anno11.json', 'anno12.json', 'anno13.json', 'example42.json', 'example43.json']);
    for (const r of failing) {
      const target = (r.doc as { target?: unknown }).target;
      const isComposite =
        typeof target === 'object' && target !== null && ['List', 'Independents', 'Composite'].includes(String(typeOf(target)));
      expect(isComposite || typeOf(r.doc) === 'AnnotationPage', r.name).toBe(true);
    }
  });

  it('fails every incorrect sample (one is not JSON at all)', () => {
    const files = sampleFiles('incorrect');
    expect(files).toHaveLength(39);
    const notJson = files.filter((f) => !load(f).ok).map((f) => path.basename(f));
    expect(notJson).toEqual(['anno1.json']);
    for (const file of files) {
      const parsed = load(file);
      if (!parsed.ok) continue;
      expect(musts.check(parsed.value).length, path.basename(file)).toBeGreaterThan(0);
    }
  });

  it('tolerates trailing commas only outside strings', () => {
    expect(parseLenientJson('{"a": [1, 2,], "b": ",}",}')).toEqual({ ok: true, value: { a: [1, 2], b: ',}' } });
    expect(parseLenientJson('{"a": "x\\",}",}')).toEqual({ ok: true, value: { a: 'x",}' } });
    expect(parseLenientJson('this is not json').ok).toBe(false);
  });

  it('names the assertion that a broken annotation misses', () => {
    const good = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:workbench:ws:annotation:1',
      type: 'Annotation',
      target: { source: 'urn:sha256:' + 'a'.repeat(64), selector: { type: 'TextPositionSelector', start: 0, end: 3 } },
    };
    expect(musts.check(good)).toEqual([]);
    const badPosition = { ...good, target: { ...good.target, selector: { type: 'TextPositionSelector', start: -1, end: 3 } } };
    expect(musts.check(badPosition).map((f) => f.assertion)).toContain(
      'annotations/specificResource/4.2-TextDataPositionSelectorValid.json',
    );
  });
});
