/** Team sync of capture files (original PDFs, web captures, area crops): uploaded before the ops citing them, fetched with the ops that arrive. */
import fs from 'node:fs';
import path from 'node:path';
import type { BlobRef } from '../../../shared/domain/capture';
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Highlight, Source } from '../../../shared/domain/types';
import { hashBytes, type CaptureStore } from '../store/captures';
import { MAX_BLOB_BYTES } from './team-blobs-db';
import { isRefused } from './sync-wire';
import { TEAM_FILE } from './sync-state';

/** What sync needs of the team database for files (TeamDb has these). */
export interface BlobDb {
  putBlob(workspaceId: string, bytes: Uint8Array): Promise<string>;
  linkedBlobs(workspaceId: string, hashes: readonly string[]): Promise<Set<string>>;
  getBlob(sha256: string): Promise<Buffer | null>;
}

/** A file that came with the wrong content is asked for again only after this long (a repaired server then serves it). */
const BAD_RETRY_MS = 60_000;

/** The files a record refers to, with their media types (as blobsOf / blobsOfHighlight in store/captures.ts). */
export function refsOf(op: Op): BlobRef[] {
  if (op.t !== 'put') return [];
  if (op.c === 'sources') {
    const s = op.v as Source;
    const refs = [s.capture?.raw, s.capture?.rendered ?? undefined, s.pdf?.original];
    return refs.filter((r): r is BlobRef => !!r && typeof r.sha256 === 'string');
  }
  if (op.c === 'highlights') {
    const image = (op.v as Highlight).area?.image;
    return image && typeof image.sha256 === 'string' ? [image] : [];
  }
  return [];
}

export class BlobSync {
  /** Hashes known to be linked to this team workspace (uploaded by us, or found there): never sent again. */
  private readonly onServer = new Set<string>();
  /** Files the workspace's records cite that are not here yet: hash → media type (kept until they arrive). */
  private readonly wanted = new Map<string, string>();
  /** Hashes whose download came with the wrong content: not asked for again before this time. */
  private readonly badUntil = new Map<string, number>();
  private scanned = false;
  private uploadProblem: string | null = null;
  private fetchProblem: string | null = null;

  constructor(private readonly captures: CaptureStore, private readonly workspaceId: string) {}

  /** The team database went back in time (server-restore.ts): files it held may be gone, so ask before skipping. */
  forgetUploads(): void {
    this.onServer.clear();
  }

  /**
   * Uploads the files the ops cite that the team database lacks, each once per session. A file missing here is
   * left out (the others' clients keep asking). A refusal (a viewer) is left to the push of the ops, which says why.
   */
  async upload(db: BlobDb, ops: readonly Op[]): Promise<number> {
    const refs = new Map<string, BlobRef>();
    for (const op of ops) for (const r of refsOf(op)) if (!this.onServer.has(r.sha256)) refs.set(r.sha256, r);
    if (refs.size === 0) return 0;
    for (const h of await db.linkedBlobs(this.workspaceId, [...refs.keys()])) {
      this.onServer.add(h);
      refs.delete(h);
    }
    let sent = 0;
    for (const [hash] of refs) {
      const bytes = this.captures.get(hash);
      if (!bytes) continue;
      if (bytes.byteLength > MAX_BLOB_BYTES) {
        this.onServer.add(hash); // not tried again this session: it will not shrink
        this.uploadProblem = `A file of this workspace (${hash.slice(0, 12)}…, ${(bytes.byteLength / 1048576).toFixed(0)} MB) is larger than the team database takes (${MAX_BLOB_BYTES / 1048576} MB): the others do not get it.`;
        continue;
      }
      try {
        await db.putBlob(this.workspaceId, bytes);
      } catch (e) {
        if (isRefused(e)) return sent;
        throw e;
      }
      this.onServer.add(hash);
      sent++;
    }
    return sent;
  }

  /** Notes the files that arriving ops cite (and, the first time, those the workspace already cites) which are not here. */
  want(ops: readonly Op[], state: WorkspaceState): void {
    if (!this.scanned) {
      this.scanned = true;
      for (const c of ['sources', 'highlights'] as const) {
        for (const v of state.all(c)) for (const r of refsOf({ t: 'put', c, v } as Op)) this.wanted.set(r.sha256, r.mediaType);
      }
    }
    for (const op of ops) for (const r of refsOf(op)) this.wanted.set(r.sha256, r.mediaType);
    for (const h of this.wanted.keys()) if (this.captures.has(h)) this.wanted.delete(h);
  }

  /**
   * Downloads the wanted files the team database has and stores them in captures/ (content-addressed). Each is hashed
   * on receipt: wrong content is not written and becomes `problem`. A file not uploaded yet stays wanted for the next sync.
   */
  async fetch(db: BlobDb): Promise<number> {
    let stored = 0;
    const now = Date.now();
    let bad: string | null = null;
    const due = [...this.wanted.keys()].filter((h) => (this.badUntil.get(h) ?? 0) <= now);
    if (due.length < this.wanted.size) bad = this.fetchProblem;
    // One query says which have arrived on the server, so files nobody uploaded yet cost nothing per sync.
    const ready = new Set<string>();
    for (let i = 0; i < due.length; i += 1000) for (const h of await db.linkedBlobs(this.workspaceId, due.slice(i, i + 1000))) ready.add(h);
    for (const hash of ready) {
      const mediaType = this.wanted.get(hash)!;
      const bytes = await db.getBlob(hash);
      if (bytes === null) continue;
      if (hashBytes(bytes) !== hash) {
        this.badUntil.set(hash, now + BAD_RETRY_MS);
        bad = `The team database sent a file whose content does not match its hash (${hash.slice(0, 12)}…): it was refused, not stored. Ask the team database's administrator to check it.`;
        continue;
      }
      this.captures.put(bytes, mediaType);
      this.wanted.delete(hash);
      this.badUntil.delete(hash);
      this.onServer.add(hash);
      stored++;
    }
    this.fetchProblem = bad;
    return stored;
  }

  /** Why a file did not sync (refused on receipt, or too large to share), shown as the sync's error while it lasts; null when none. */
  get problem(): string | null {
    return this.fetchProblem ?? this.uploadProblem;
  }

  /** Files cited here that have not arrived yet. */
  get missing(): number {
    return this.wanted.size;
  }
}

/**
 * Why a capture file cited by a record is absent, for the page view and the reader: in a team workspace a missing file
 * usually has not arrived yet (its author's app uploads it with the edit; this one fetches it on a later sync).
 */
export function missingFileReason(workspaceDir: string): string {
  return fs.existsSync(path.join(workspaceDir, TEAM_FILE))
    ? 'has not arrived from the team database yet (it comes once its author’s app has uploaded it: open it again in a moment)'
    : 'is missing from captures/';
}
