/** Append-only journal of acknowledged changes: one checksummed line per change, fsynced before acknowledging. */
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import type { Change } from '../../../shared/domain/state';
import { appendDurable, fsyncDir, realFs, type FsOps } from './durable-fs';
import { checkChange } from './record-shapes';

export interface JournalRecord {
  seq: number;
  at: string;
  change: Change;
}

export interface JournalReadResult {
  records: JournalRecord[];
  /** Bytes of a torn final line (a write that was never acknowledged), cut off on open. */
  tornBytes: number;
  /** Set when a complete line fails its checksum or does not parse: the journal is damaged there. */
  damagedAtLine: number | null;
  /** What is wrong at damagedAtLine. */
  damage: string | null;
}

const crcOf = (json: string): string => zlib.crc32(json).toString(16).padStart(8, '0');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function encodeRecord(r: JournalRecord): string {
  const json = JSON.stringify(r);
  return `${crcOf(json)} ${json}\n`;
}

/**
 * Whether bytes after the last newline look like the start of a record that was being written when the
 * process died (hex checksum, then a space and JSON). Anything else (NUL bytes, foreign text) is damage:
 * a torn tail is at most one unacknowledged record, so unexplained bytes are never dropped silently.
 */
function plausibleTornTail(tail: Buffer): boolean {
  if (tail.includes(0)) return false;
  const s = tail.toString('utf8');
  return /^[0-9a-f]{0,8}$/.test(s) || /^[0-9a-f]{8} (\{.*)?$/s.test(s);
}

function parseLine(text: string): JournalRecord | string {
  const sp = text.indexOf(' ');
  const json = text.slice(sp + 1);
  if (sp !== 8 || crcOf(json) !== text.slice(0, 8)) return 'checksum mismatch';
  let rec: unknown;
  try {
    rec = JSON.parse(json);
  } catch {
    return 'not JSON';
  }
  const r = rec as Partial<JournalRecord> | null;
  if (!r || typeof r !== 'object' || !Number.isSafeInteger(r.seq) || (r.seq as number) < 1) return 'bad sequence number';
  if (typeof r.at !== 'string') return 'bad time stamp';
  const problem = checkChange(r.change);
  return problem ?? (r as JournalRecord);
}

/** Reads every intact record. A torn tail is reported (to be truncated); a bad line or a gap in the sequence marks damage. */
export function readJournal(file: string): JournalReadResult {
  if (!fs.existsSync(file)) return { records: [], tornBytes: 0, damagedAtLine: null, damage: null };
  let buf = fs.readFileSync(file);
  // A BOM in front (an editor saved the file) is tolerated like in the JSON files.
  if (buf.subarray(0, 3).equals(BOM)) buf = buf.subarray(3);
  const records: JournalRecord[] = [];
  let start = 0;
  let line = 0;
  const damaged = (why: string): JournalReadResult => ({ records, tornBytes: 0, damagedAtLine: line, damage: why });
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    if (nl === -1) {
      const tail = buf.subarray(start);
      line++;
      if (!plausibleTornTail(tail)) return damaged('unreadable bytes at the end');
      return { records, tornBytes: tail.length, damagedAtLine: null, damage: null };
    }
    line++;
    const rec = parseLine(buf.subarray(start, nl).toString('utf8'));
    if (typeof rec === 'string') return damaged(rec);
    const prev = records[records.length - 1];
    if (prev && rec.seq !== prev.seq + 1) return damaged(`sequence jumps from ${prev.seq} to ${rec.seq}`);
    records.push(rec);
    start = nl + 1;
  }
  return { records, tornBytes: 0, damagedAtLine: null, damage: null };
}

/** An append failed; `rolledBack` says whether the partial line could be cut off again. */
export class JournalAppendError extends Error {
  constructor(override readonly cause: unknown, readonly rolledBack: boolean) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/** An open journal file positioned for durable appends. */
export class JournalWriter {
  private fd: number;

  constructor(readonly file: string, private readonly ops: FsOps = realFs) {
    const existed = fs.existsSync(file);
    this.fd = ops.openSync(file, 'a');
    // A newly created journal must itself survive a crash: fsync its directory entry.
    if (!existed) {
      try {
        fsyncDir(path.dirname(file), ops);
      } catch (e) {
        ops.closeSync(this.fd);
        throw e;
      }
    }
  }

  append(record: JournalRecord): void {
    const line = encodeRecord(record);
    const sizeBefore = fs.fstatSync(this.fd).size;
    try {
      appendDurable(this.fd, line, this.ops);
    } catch (e) {
      // Leave no partial or unacknowledged line behind: the change was not acknowledged, so it must not replay.
      let rolledBack = true;
      try {
        fs.ftruncateSync(this.fd, sizeBefore);
      } catch {
        rolledBack = false;
      }
      throw new JournalAppendError(e, rolledBack);
    }
  }

  /** Cuts the journal back to `bytes` (used to drop a torn tail on open, or after compaction). */
  truncate(bytes: number): void {
    fs.ftruncateSync(this.fd, bytes);
    this.ops.fsyncSync(this.fd);
  }

  close(): void {
    this.ops.closeSync(this.fd);
  }
}
