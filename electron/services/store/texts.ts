/** Content-addressed store of immutable source texts: texts/<sha256>.txt, written once, never rewritten. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fsyncDir, writeFileDurable, realFs, type FsOps } from './durable-fs';
import { ioError } from './errors';
import { quarantineFile } from './quarantine';

export const hashText = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
const isContentHash = (h: string): boolean => /^[0-9a-f]{64}$/.test(h);

export class TextStore {
  private readonly cache = new Map<string, string>();
  /** Hashes whose file this process has seen complete and durable (written, or read back and fsynced). */
  private readonly durable = new Set<string>();

  constructor(private readonly dir: string, private readonly ops: FsOps = realFs, create = true) {
    if (create && !fs.existsSync(dir)) {
      ops.mkdirSync(dir);
      fsyncDir(path.dirname(dir), ops);
    }
  }

  private fileOf(hash: string): string {
    if (!isContentHash(hash)) throw new Error(`not a content hash: ${hash}`);
    return path.join(this.dir, `${hash}.txt`);
  }

  /**
   * Stores the text (durably) unless it is already there; returns its hash. An existing file is trusted only
   * after it is read back whole (a damaged one is moved to quarantine and rewritten) and its folder fsynced
   * (an earlier write may have failed between rename and directory fsync).
   */
  put(text: string): string {
    const hash = hashText(text);
    if (this.durable.has(hash)) return hash;
    const file = this.fileOf(hash);
    const workspace = path.dirname(this.dir);
    try {
      if (fs.existsSync(file)) {
        if (hashText(fs.readFileSync(file, 'utf8')) === hash) fsyncDir(this.dir, this.ops);
        else {
          quarantineFile(workspace, path.relative(workspace, file), this.ops, 'texts');
          writeFileDurable(file, text, this.ops);
        }
      } else {
        writeFileDurable(file, text, this.ops);
      }
    } catch (e) {
      throw ioError(`Could not save the text file ${path.basename(file)}`, e, 'Nothing was imported.');
    }
    this.durable.add(hash);
    return hash;
  }

  has(hash: string): boolean {
    return fs.existsSync(this.fileOf(hash));
  }

  /** Reads and verifies a text; null when missing or when its content no longer matches its hash. */
  get(hash: string): string | null {
    const hit = this.cache.get(hash);
    if (hit !== undefined) {
      // Least recently used goes first: the source being read stays cached however many others are read
      // between (first-in-first-out re-read and re-hashed it on every other highlight, issue 14).
      this.cache.delete(hash);
      this.cache.set(hash, hit);
      return hit;
    }
    if (!isContentHash(hash)) return null;
    const file = this.fileOf(hash);
    if (!fs.existsSync(file)) return null;
    const text = fs.readFileSync(file, 'utf8');
    if (hashText(text) !== hash) return null;
    // Keep a few recent texts: the reader reopens the same source often.
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, text);
    return text;
  }

  /**
   * Like `get`, for a thread that must stay responsive while a large text loads (the search index build):
   * the file is read off-thread, then hashed and decoded a piece at a time, yielding between pieces.
   */
  async getAsync(hash: string, pieceBytes = 1 << 20): Promise<string | null> {
    const hit = this.cache.get(hash);
    if (hit !== undefined) return hit;
    if (!isContentHash(hash)) return null;
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(this.fileOf(hash));
    } catch {
      return null;
    }
    const sha = crypto.createHash('sha256');
    // ignoreBOM keeps a leading BOM in the text, as readFileSync(…, 'utf8') does.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const parts: string[] = [];
    for (let at = 0; at < bytes.length; at += pieceBytes) {
      const piece = bytes.subarray(at, at + pieceBytes);
      sha.update(piece);
      parts.push(decoder.decode(piece, { stream: true }));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    parts.push(decoder.decode());
    // The file holds the UTF-8 of the text, so its bytes hash like the text does in `get`.
    if (sha.digest('hex') !== hash) return null;
    const text = parts.join('');
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, text);
    return text;
  }

  /** Forgets what was cached (after a repair replaced files). */
  forget(): void {
    this.cache.clear();
    this.durable.clear();
  }

  list(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs.readdirSync(this.dir).filter((f) => f.endsWith('.txt') && isContentHash(f.slice(0, -4))).map((f) => f.slice(0, -4));
  }

  get folder(): string {
    return this.dir;
  }
}
