/** Content-addressed store of immutable source texts: texts/<sha256>.txt, written once, never rewritten. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { writeFileDurable, realFs, type FsOps } from './durable-fs';

export const hashText = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export class TextStore {
  private readonly cache = new Map<string, string>();

  constructor(private readonly dir: string, private readonly ops: FsOps = realFs) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private fileOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: ${hash}`);
    return path.join(this.dir, `${hash}.txt`);
  }

  /** Stores the text (durably) unless it is already there; returns its hash. */
  put(text: string): string {
    const hash = hashText(text);
    const file = this.fileOf(hash);
    if (!fs.existsSync(file)) writeFileDurable(file, text, this.ops);
    return hash;
  }

  has(hash: string): boolean {
    return fs.existsSync(this.fileOf(hash));
  }

  /** Reads and verifies a text; null when missing or when its content no longer matches its hash. */
  get(hash: string): string | null {
    const hit = this.cache.get(hash);
    if (hit !== undefined) return hit;
    const file = this.fileOf(hash);
    if (!fs.existsSync(file)) return null;
    const text = fs.readFileSync(file, 'utf8');
    if (hashText(text) !== hash) return null;
    // Keep a few recent texts: the reader reopens the same source often.
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, text);
    return text;
  }

  list(): string[] {
    return fs.readdirSync(this.dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
  }
}
