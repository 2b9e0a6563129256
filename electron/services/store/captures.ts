/** Content-addressed store of immutable files (captured pages, printed copies, original PDFs, area crops): captures/<sha256>.blob. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { BlobRef } from '../../../shared/domain/capture';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Highlight, Source } from '../../../shared/domain/types';
import { fsyncDir, writeFileDurable, realFs, type FsOps } from './durable-fs';
import { ioError } from './errors';
import { quarantineFile } from './quarantine';

export const CAPTURES_DIR = 'captures';
export const BLOB_SUFFIX = '.blob';

export const hashBytes = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');
const isContentHash = (h: string): boolean => /^[0-9a-f]{64}$/.test(h);

/** What is on disk for one blob: its bytes match its name, it is gone, or its content changed. */
export type BlobState = 'ok' | 'missing' | 'damaged';

export class CaptureStore {
  /** Hashes whose file this process has seen complete and durable (written, or read back and fsynced). */
  private readonly durable = new Set<string>();

  constructor(private readonly dir: string, private readonly ops: FsOps = realFs) {}

  private fileOf(hash: string): string {
    if (!isContentHash(hash)) throw new Error(`not a content hash: ${hash}`);
    return path.join(this.dir, `${hash}${BLOB_SUFFIX}`);
  }

  /**
   * Stores the bytes durably unless they are already there, and returns their reference. Like TextStore.put: an
   * existing file is trusted only after reading it back whole (a damaged one goes to quarantine and is rewritten).
   * The folder is made on the first capture, so workspaces that never capture look as they always did.
   */
  put(bytes: Uint8Array, mediaType: string): BlobRef {
    const hash = hashBytes(bytes);
    const ref: BlobRef = { sha256: hash, bytes: bytes.byteLength, mediaType };
    if (this.durable.has(hash)) return ref;
    const file = this.fileOf(hash);
    const workspace = path.dirname(this.dir);
    try {
      if (!fs.existsSync(this.dir)) {
        this.ops.mkdirSync(this.dir);
        fsyncDir(workspace, this.ops);
      }
      if (fs.existsSync(file)) {
        if (hashBytes(fs.readFileSync(file)) === hash) fsyncDir(this.dir, this.ops);
        else {
          quarantineFile(workspace, path.relative(workspace, file), this.ops, CAPTURES_DIR);
          writeFileDurable(file, bytes, this.ops);
        }
      } else {
        writeFileDurable(file, bytes, this.ops);
      }
    } catch (e) {
      throw ioError(`Could not save the capture file ${path.basename(file)}`, e, 'Nothing was imported.');
    }
    this.durable.add(hash);
    return ref;
  }

  /** The bytes, verified against their name; null when missing or changed (the doctor reports which). */
  get(hash: string): Buffer | null {
    const bytes = this.read(hash);
    return bytes !== null && hashBytes(bytes) === hash ? bytes : null;
  }

  /** The bytes as they are on disk, unverified (for re-hashing against a record); null when missing. */
  read(hash: string): Buffer | null {
    if (!isContentHash(hash)) return null;
    try {
      return fs.readFileSync(this.fileOf(hash));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  state(hash: string): BlobState {
    const bytes = this.read(hash);
    if (bytes === null) return 'missing';
    return hashBytes(bytes) === hash ? 'ok' : 'damaged';
  }

  has(hash: string): boolean {
    return isContentHash(hash) && fs.existsSync(this.fileOf(hash));
  }

  /** Forgets which files were seen durable (after a repair or restore replaced files). */
  forget(): void {
    this.durable.clear();
  }

  list(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs.readdirSync(this.dir)
      .filter((f) => f.endsWith(BLOB_SUFFIX) && isContentHash(f.slice(0, -BLOB_SUFFIX.length)))
      .map((f) => f.slice(0, -BLOB_SUFFIX.length));
  }

  get folder(): string {
    return this.dir;
  }
}

/**
 * The blob hashes a source refers to: its capture record's (raw, and the printed copy when there is one) and its kept
 * original PDF (for a captured PDF the same blob as the raw bytes).
 */
export function blobsOf(source: Pick<Source, 'capture' | 'pdf'>): string[] {
  const out: string[] = [];
  const c = source.capture;
  if (c) out.push(c.raw.sha256, ...(c.rendered ? [c.rendered.sha256] : []));
  if (source.pdf && !out.includes(source.pdf.original.sha256)) out.push(source.pdf.original.sha256);
  return out;
}

/** The blob a highlight refers to: an area highlight's image crop. */
export function blobsOfHighlight(highlight: Pick<Highlight, 'area'>): string[] {
  const image = highlight.area?.image;
  return image ? [image.sha256] : [];
}

/**
 * Capture files a workspace needs: those of its sources and highlights and of those its undo/redo history could bring
 * back (backups copy them, compaction keeps them, the doctor checks the live ones).
 */
export function referencedCaptures(state: WorkspaceState): Set<string> {
  const hashes = new Set<string>();
  for (const s of state.all('sources')) for (const h of blobsOf(s)) hashes.add(h);
  for (const hl of state.all('highlights')) for (const h of blobsOfHighlight(hl)) hashes.add(h);
  for (const tx of [...state.history.undo, ...state.history.redo]) {
    for (const op of [...tx.ops, ...tx.inverse]) {
      if (op.t !== 'put') continue;
      if (op.c === 'sources') for (const h of blobsOf(op.v)) hashes.add(h);
      else if (op.c === 'highlights') for (const h of blobsOfHighlight(op.v)) hashes.add(h);
    }
  }
  return hashes;
}
