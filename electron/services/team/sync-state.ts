/** The team link kept in the workspace folder: team.json (link, last seq, queued edits, conflicts) + an append-only outbox. */
import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../../../shared/domain/ops';
import type { Timestamp } from '../../../shared/domain/types';
import type { Conflict } from '../../../shared/team/conflict';
import { appendDurable, PRIVATE_FILE_MODE, stripBom, writeFileDurable } from '../store/durable-fs';

export const TEAM_FILE = 'team.json';
export const OUTBOX_FILE = 'team-outbox.jsonl';
export const AUTHORS_FILE = 'team-authors.json';

/** A committed local transaction not yet acknowledged by the team database. Its op ids never change once given. */
export interface QueuedTx {
  /** UUID: the team database's tx id, and the seed of the op ids, so a re-push after a crash is a no-op. */
  id: string;
  tx: Tx;
  opIds: string[];
  author: string;
  at: Timestamp;
  /**
   * The journal sequence number of the local commit it queues. Outbox lines are written before that commit
   * (outbox-writer.ts), so a line whose commit never reached the journal is recognised by it and dropped.
   */
  seq?: number;
}

/** Which team database and workspace this folder syncs with. Never the password (credentials.ts). */
export interface TeamLink {
  format: 'analyst-workbench/team-link';
  /** Connection string without a password. */
  url: string;
  workspaceId: string;
  workspaceName: string;
  member: string;
  role: 'owner' | 'editor' | 'viewer' | null;
  /** Highest team sequence applied here. */
  lastSeq: number;
  /**
   * The op that held lastSeq (id, server time as text): a team database restored from a backup no longer holds it
   * there, even once new ops have passed lastSeq (server-restore.ts). Absent in links written before it was kept.
   */
  lastOp?: { seq: number; id: string; at: string };
  lastSyncAt: Timestamp | null;
  /** Queued edits as last rebased (the outbox holds those captured since). */
  pending: QueuedTx[];
  /** Recently acknowledged tx ids: an outbox line left by a crash after a push is not queued twice. */
  acked: string[];
  conflicts: Conflict[];
}

/** One member's edit at one time. */
export type AuthorMark = { member: string; at: Timestamp };
/**
 * Who last changed a record (member, at) and who created it: `created` is absent for a record first seen as a delete,
 * and in entries of files written before creators were kept (those stay without one rather than guessing).
 */
export type Author = AuthorMark & { created?: AuthorMark };

const ACKED_KEPT = 2000;

export function readLink(dir: string): TeamLink | null {
  const file = path.join(dir, TEAM_FILE);
  if (!fs.existsSync(file)) return null;
  const link = JSON.parse(stripBom(fs.readFileSync(file, 'utf8'))) as TeamLink;
  if (link.format !== 'analyst-workbench/team-link') throw new Error(`${file} is not a team link file`);
  return link;
}

/**
 * The link plus every outbox entry not already in it (captured after the last rewrite, or left by a crash).
 * `journalSeq` (the workspace's last durable change) drops lines whose commit never happened.
 */
export function loadLink(dir: string, journalSeq?: number): TeamLink | null {
  const link = readLink(dir);
  if (!link) return null;
  const known = new Set([...link.pending.map((p) => p.id), ...link.acked]);
  for (const q of readOutbox(dir, journalSeq).kept) {
    if (known.has(q.id)) continue;
    link.pending.push(q);
    known.add(q.id);
  }
  return link;
}

/**
 * The outbox lines in force, and whether any were dropped. A line is written before its journal commit, so: a line
 * for a sequence number the journal has not reached never committed (crash or failed append between the two), and
 * of two lines with one sequence number the later wins (the number is reused only after the first commit failed).
 */
export function readOutbox(dir: string, journalSeq?: number): { kept: QueuedTx[]; dropped: number } {
  const file = path.join(dir, OUTBOX_FILE);
  if (!fs.existsSync(file)) return { kept: [], dropped: 0 };
  const all: QueuedTx[] = [];
  let dropped = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      all.push(JSON.parse(line) as QueuedTx);
    } catch {
      // A torn line was never acknowledged to anyone (the append fsyncs before the edit commits).
      dropped++;
    }
  }
  const lastOfSeq = new Map<number, number>();
  all.forEach((q, i) => { if (typeof q.seq === 'number') lastOfSeq.set(q.seq, i); });
  const kept = all.filter((q, i) => typeof q.seq !== 'number' || (lastOfSeq.get(q.seq) === i && (journalSeq === undefined || q.seq <= journalSeq)));
  return { kept, dropped: dropped + all.length - kept.length };
}

/**
 * At open: rewrites the outbox without the lines whose commit never happened (or that a restored backup took back),
 * so sequence numbers the journal reuses from here on never meet a stale line. Writes nothing when all is in force.
 */
export function settleOutbox(dir: string, journalSeq: number): void {
  const { kept, dropped } = readOutbox(dir, journalSeq);
  if (dropped === 0) return;
  writeFileDurable(path.join(dir, OUTBOX_FILE), kept.map((q) => `${JSON.stringify(q)}\n`).join(''));
}

/** Rewrites team.json durably, then empties the outbox it now includes. */
export function saveLink(dir: string, link: TeamLink): void {
  if (link.acked.length > ACKED_KEPT) link.acked = link.acked.slice(-ACKED_KEPT);
  writeFileDurable(path.join(dir, TEAM_FILE), JSON.stringify(link));
  const outbox = path.join(dir, OUTBOX_FILE);
  if (fs.existsSync(outbox) && fs.statSync(outbox).size > 0) fs.truncateSync(outbox, 0);
}

/** Queues one local transaction durably (one fsynced line; a failed append is cut off again where it can be). */
export function appendOutbox(dir: string, q: QueuedTx): void {
  const fd = fs.openSync(path.join(dir, OUTBOX_FILE), 'a+', PRIVATE_FILE_MODE);
  try {
    const size = fs.fstatSync(fd).size;
    // A line torn by a crash must not swallow this one: start on a line of its own.
    const last = Buffer.alloc(1);
    const fresh = size === 0 || (fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a);
    try {
      appendDurable(fd, `${fresh ? '' : '\n'}${JSON.stringify(q)}\n`);
    } catch (e) {
      try {
        fs.ftruncateSync(fd, size);
      } catch { /* the next append starts on a new line anyway */ }
      throw e;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Who created and who last changed each record: advisory (the server's team.records keeps the same), so written lazily. */
export function readAuthors(dir: string): Map<string, Author> {
  const file = path.join(dir, AUTHORS_FILE);
  if (!fs.existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Author>));
  } catch {
    return new Map();
  }
}

/**
 * Records one op's author. A put of a record never seen before (no entry) is its creation: its sender becomes the
 * creator, kept through later changes and deletes. Returns whether this op created the record.
 */
export function noteAuthor(authors: Map<string, Author>, key: string, by: AuthorMark, isPut: boolean): boolean {
  const prior = authors.get(key);
  const creates = isPut && prior === undefined;
  const created = creates ? { member: by.member, at: by.at } : prior?.created;
  authors.set(key, created ? { member: by.member, at: by.at, created } : { member: by.member, at: by.at });
  return creates;
}

export function saveAuthors(dir: string, authors: Map<string, Author>): void {
  writeFileDurable(path.join(dir, AUTHORS_FILE), JSON.stringify(Object.fromEntries(authors)));
}
