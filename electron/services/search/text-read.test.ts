/** TextStore.getAsync, which the search build uses for large texts: the same text as `get`, and the same refusal of a damaged file. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextStore } from '../store/texts';
import { tempDir } from '../../../tests/unit/helpers';

describe('TextStore.getAsync', () => {
  it('reads a text in pieces (multi-byte characters split across them) exactly as get does', async () => {
    const dir = path.join(tempDir(), 'texts');
    const writer = new TextStore(dir);
    const text = `\uFEFFÇavuşoğlu “quoted” 𝄞 ${'İstanbul ışık '.repeat(5000)}end`;
    const hash = writer.put(text);
    // A fresh store (empty cache) and 7-byte pieces: characters of 2, 3 and 4 bytes straddle piece boundaries.
    const read = await new TextStore(dir).getAsync(hash, 7);
    expect(read).toBe(text);
    expect(read).toBe(new TextStore(dir).get(hash));
  });

  it('returns null for a damaged or missing file', async () => {
    const dir = path.join(tempDir(), 'texts');
    const store = new TextStore(dir);
    const hash = store.put('Grain talks resumed.');
    fs.writeFileSync(path.join(dir, `${hash}.txt`), 'Grain talks resumed!');
    expect(await new TextStore(dir).getAsync(hash)).toBeNull();
    expect(await store.getAsync('0'.repeat(64))).toBeNull();
    expect(await store.getAsync('not-a-hash')).toBeNull();
  });
});
