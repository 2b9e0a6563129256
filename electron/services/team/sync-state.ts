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
  lastSyncAt: Timestamp | null;
  /** Queued edits as last rebased (the outbox holds those captured since). */
  pending: QueuedTx[];
  /** Recently acknowledged tx ids: an outbox line left by a crash after a push is not queued twice. */
  acked: string[];
  conflicts: Conflict[];
}

export type Author = { member: string; at: Timestamp };

const ACKED_KEPT = 2000;

export function readLink(dir: string): TeamLink | null {
  const file = path.join(dir, TEAM_FILE);
  if (!fs.existsSync(file)) return null;
  const link = JSON.parse(stripBom(fs.readFileSync(file, 'utf8'))) as TeamLink;
  if (link.format !== 'analyst-workbench/team-link') throw new Error(`${file} is not a team link file`);
  return link;
}

/** The link plus every outbox entry not already in it (captured after the last rewrite, or left by a crash). */
export function loadLink(dir: string): TeamLink | null {
  const link = readLink(dir);
  if (!link) return null;
  const known = new Set([...link.pending.map((p) => p.id), ...link.acked]);
  for (const q of readOutbox(dir)) {
    if (known.has(q.id)) continue;
    link.pending.push(q);
    known.add(q.id);
  }
  return link;
}

function readOutbox(dir: string): QueuedTx[] {
  const file = path.join(dir, OUTBOX_FILE);
  if (!fs.existsSync(file)) return [];
  const out: QueuedTx[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as QueuedTx);
    } catch {
      // A torn last line was never acknowledged to anyone (the append fsyncs before the edit returns).
    }
  }
  return out;
}

/** Rewrites team.json durably, then empties the outbox it now includes. */
export function saveLink(dir: string, link: TeamLink): void {
  if (link.acked.length > ACKED_KEPT) link.acked = link.acked.slice(-ACKED_KEPT);
  writeFileDurable(path.join(dir, TEAM_FILE), JSON.stringify(link));
  const outbox = path.join(dir, OUTBOX_FILE);
  if (fs.existsSync(outbox) && fs.statSync(outbox).size > 0) fs.truncateSync(outbox, 0);
}

/** Queues one local transaction durably (one fsynced line). */
export function appendOutbox(dir: string, q: QueuedTx): void {
  const fd = fs.openSync(path.join(dir, OUTBOX_FILE), 'a', PRIVATE_FILE_MODE);
  try {
    appendDurable(fd, `${JSON.stringify(q)}\n`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Who last changed each record: advisory (the server's team.records keeps the same), so written lazily. */
export function readAuthors(dir: string): Map<string, Author> {
  const file = path.join(dir, AUTHORS_FILE);
  if (!fs.existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Author>));
  } catch {
    return new Map();
  }
}

export function saveAuthors(dir: string, authors: Map<string, Author>): void {
  writeFileDurable(path.join(dir, AUTHORS_FILE), JSON.stringify(Object.fromEntries(authors)));
}
