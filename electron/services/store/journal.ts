/** Append-only journal of acknowledged changes: one checksummed line per change, fsynced before acknowledging. */
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import type { Change } from '../../../shared/domain/state';
import { PRIVATE_FILE_MODE, appendDurable, fsyncDir, realFs, type FsOps } from './durable-fs';
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

/**
 * journal.log on disk is not what this writer last wrote or saw: another process appended to, cut, replaced or
 * moved it. Nothing was written, and the writer refuses every later append too: writing on would fork the journal
 * (two records with one sequence number), and everything after the fork would be lost on the next open.
 */
export class JournalChangedError extends JournalAppendError {
  constructor(what: string) {
    super(new Error(changedMessage(what)), true);
  }
}

const changedMessage = (what: string): string =>
  `journal.log ${what}; not writing, to avoid forking the journal. Close and reopen the workspace`;

/** Reads the sequence number of the last complete line, ending at `size`; a string says what is wrong instead. */
function lastSeqOnDisk(fd: number, size: number): number | string {
  const chunks: Buffer[] = [];
  let pos = size;
  let lineStart = -1;
  while (pos > 0 && lineStart < 0) {
    const len = Math.min(65_536, pos);
    pos -= len;
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, pos);
    chunks.unshift(buf);
    if (chunks.length === 1 && buf[len - 1] !== 0x0a) return 'ends in an incomplete line';
    // The newline before the last line (the last byte is the line's own newline).
    const nl = buf.lastIndexOf(0x0a, chunks.length === 1 ? len - 2 : len - 1);
    if (nl >= 0) lineStart = pos + nl + 1;
  }
  const all = Buffer.concat(chunks);
  let text = all.subarray(Math.max(lineStart, 0) - pos, all.length - 1);
  if (lineStart < 0 && text.subarray(0, 3).equals(BOM)) text = text.subarray(3);
  const rec = parseLine(text.toString('utf8'));
  return typeof rec === 'string' ? `ends in an unreadable line (${rec})` : rec.seq;
}

/**
 * An open journal file positioned for durable appends. It remembers what it left on disk (size, file identity, last
 * sequence number) and refuses to append or truncate when the file is no longer that (JournalChangedError): a
 * second line of defence behind the workspace lock (docs/adr/0005).
 */
export class JournalWriter {
  private fd: number;
  private readonly ino: number;
  private readonly dev: number;
  /** The size this writer last left the file at. */
  private size: number;
  /** The sequence number of the last line on disk; null until read (on the first append into a non-empty file). */
  private lastSeq: number | null = null;
  /** Set once the file was found changed: every later append is refused. */
  private refused: string | null = null;

  constructor(readonly file: string, private readonly ops: FsOps = realFs) {
    const existed = fs.existsSync(file);
    this.fd = ops.openSync(file, 'a+', PRIVATE_FILE_MODE); // readable too: the first append checks the last line
    const st = this.ops.fstatSync(this.fd);
    this.ino = st.ino;
    this.dev = st.dev;
    this.size = st.size;
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

  /** Throws JournalChangedError unless the file at `file` is still ours and as long as we left it. Two cheap stats. */
  private checkUnchanged(sizeNow: number): void {
    if (this.refused) throw new JournalChangedError(this.refused);
    let why: string | null = null;
    let atPath: fs.Stats | null = null;
    try {
      atPath = fs.statSync(this.file);
    } catch { /* gone: reported below */ }
    if (!atPath || atPath.ino !== this.ino || atPath.dev !== this.dev) why = 'was replaced or moved by another process';
    else if (sizeNow !== this.size) why = `was changed by another process (${sizeNow} bytes on disk, ${this.size} written here)`;
    if (why) {
      this.refused = why;
      throw new JournalChangedError(why);
    }
  }

  append(record: JournalRecord): void {
    const line = encodeRecord(record);
    const sizeBefore = this.ops.fstatSync(this.fd).size;
    this.checkUnchanged(sizeBefore);
    if (this.lastSeq === null && sizeBefore > 0) {
      const last = lastSeqOnDisk(this.fd, sizeBefore);
      if (typeof last === 'string') {
        this.refused = last;
        throw new JournalChangedError(last);
      }
      this.lastSeq = last;
    }
    // An empty journal continues the snapshot, whose sequence number only the store knows.
    if (this.lastSeq !== null && record.seq !== this.lastSeq + 1) {
      this.refused = `ends with change ${this.lastSeq}, but this process would write change ${record.seq} next`;
      throw new JournalChangedError(this.refused);
    }
    try {
      appendDurable(this.fd, line, this.ops);
    } catch (e) {
      // Leave no partial or unacknowledged line behind: the change was not acknowledged, so it must not replay.
      let rolledBack = true;
      try {
        this.ops.ftruncateSync(this.fd, sizeBefore);
      } catch {
        rolledBack = false;
      }
      throw new JournalAppendError(e, rolledBack);
    }
    const sizeAfter = this.ops.fstatSync(this.fd).size;
    const expected = sizeBefore + Buffer.byteLength(line);
    if (sizeAfter !== expected) {
      // Another process appended at the same moment: its bytes and ours are both on disk; cutting could lose its.
      this.refused = 'was written by another process at the same moment';
      throw new JournalAppendError(new Error(changedMessage(this.refused)), false);
    }
    this.size = sizeAfter;
    this.lastSeq = record.seq;
  }

  /** Cuts the journal back to `bytes` (used to drop a torn tail on open, or after compaction). Refused if changed. */
  truncate(bytes: number): void {
    this.checkUnchanged(this.ops.fstatSync(this.fd).size);
    this.ops.ftruncateSync(this.fd, bytes);
    // Our own cut, even if the fsync below fails: remember it, or the next append would see a stranger's change.
    this.size = bytes;
    this.lastSeq = null; // read again on the next append into a non-empty file; an empty one continues the snapshot
    this.ops.fsyncSync(this.fd);
  }

  close(): void {
    this.ops.closeSync(this.fd);
  }
}
