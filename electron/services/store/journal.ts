/** Append-only journal of acknowledged changes: one checksummed line per change, fsynced before acknowledging. */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Change } from '../../../shared/domain/state';
import { appendDurable, fsyncDir, realFs, type FsOps } from './durable-fs';
import path from 'node:path';

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
}

const crcOf = (json: string): string => zlib.crc32(json).toString(16).padStart(8, '0');

export function encodeRecord(r: JournalRecord): string {
  const json = JSON.stringify(r);
  return `${crcOf(json)} ${json}\n`;
}

/** Reads every intact record. A torn tail is reported (to be truncated); a bad middle line marks damage. */
export function readJournal(file: string): JournalReadResult {
  if (!fs.existsSync(file)) return { records: [], tornBytes: 0, damagedAtLine: null };
  const buf = fs.readFileSync(file);
  const records: JournalRecord[] = [];
  let start = 0;
  let line = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    if (nl === -1) return { records, tornBytes: buf.length - start, damagedAtLine: null };
    line++;
    const text = buf.subarray(start, nl).toString('utf8');
    const sp = text.indexOf(' ');
    const json = text.slice(sp + 1);
    let rec: JournalRecord | null = null;
    if (sp === 8 && crcOf(json) === text.slice(0, 8)) {
      try { rec = JSON.parse(json) as JournalRecord; } catch { rec = null; }
    }
    if (!rec || typeof rec.seq !== 'number' || !rec.change) {
      return { records, tornBytes: 0, damagedAtLine: line };
    }
    records.push(rec);
    start = nl + 1;
  }
  return { records, tornBytes: 0, damagedAtLine: null };
}

/** An open journal file positioned for durable appends. */
export class JournalWriter {
  private fd: number;

  constructor(readonly file: string, private readonly ops: FsOps = realFs) {
    const existed = fs.existsSync(file);
    this.fd = ops.openSync(file, 'a');
    // A newly created journal must itself survive a crash: fsync its directory entry.
    if (!existed) fsyncDir(path.dirname(file), ops);
  }

  append(record: JournalRecord): void {
    const line = encodeRecord(record);
    const sizeBefore = fs.fstatSync(this.fd).size;
    try {
      appendDurable(this.fd, line, this.ops);
    } catch (e) {
      // Leave no partial line behind: the change was not acknowledged, so it must not replay later.
      try { fs.ftruncateSync(this.fd, sizeBefore); } catch { /* the torn tail is cut on next open anyway */ }
      throw e;
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
