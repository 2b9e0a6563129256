/** Integrity of capture files (captured pages, original PDFs, area crops): each one referred to present and matching its hash; repair from backups. */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { DoctorProblem } from '../../../shared/contract/views-maintenance';
import { BLOB_SUFFIX, CAPTURES_DIR, CaptureStore, hashBytes } from '../store/captures';
import { fsyncDir, linkOrCopy, realFs, type FsOps } from '../store/durable-fs';
import { quarantineFile } from '../store/quarantine';
import { backupPath, listBackups } from '../store/backups';

const relOf = (hash: string): string => path.join(CAPTURES_DIR, `${hash}${BLOB_SUFFIX}`);

/** One file a live record refers to, and how to name it in a report. */
interface BlobUse {
  hash: string;
  collection: 'sources' | 'highlights';
  recordId: string;
  /** e.g. "The captured raw bytes are", "The original PDF is". */
  what: string;
  /** e.g. "for source “T” (id)". */
  whose: string;
}

function blobUses(state: WorkspaceState): BlobUse[] {
  const uses: BlobUse[] = [];
  for (const s of state.all('sources')) {
    const base = { collection: 'sources' as const, recordId: s.id, whose: `for source “${s.meta.title}” (${s.id})` };
    const c = s.capture;
    if (c) uses.push({ ...base, hash: c.raw.sha256, what: 'The captured raw bytes are' });
    if (c?.rendered) uses.push({ ...base, hash: c.rendered.sha256, what: 'The captured printed copy is' });
    if (s.pdf) uses.push({ ...base, hash: s.pdf.original.sha256, what: 'The original PDF is' });
  }
  for (const h of state.all('highlights')) {
    if (!h.area?.image) continue;
    const title = state.get('sources', h.sourceId)?.meta.title ?? h.sourceId;
    uses.push({ hash: h.area.image.sha256, collection: 'highlights', recordId: h.id,
      what: 'The image crop is', whose: `for the area highlight ${h.id} (page ${h.area.page} of “${title}”)` });
  }
  return uses;
}

/**
 * Reads (and hashes) each capture file a live record refers to, once: captured pages and printed copies, original
 * PDFs, area highlights' image crops. Files referred to only by undo history are not checked: like texts, their
 * absence matters only if the analyst brings the record back.
 */
export function checkCaptures(dir: string, state: WorkspaceState): DoctorProblem[] {
  const store = new CaptureStore(path.join(dir, CAPTURES_DIR));
  const problems: DoctorProblem[] = [];
  const seen = new Set<string>();
  for (const use of blobUses(state)) {
    if (seen.has(use.hash)) continue;
    seen.add(use.hash);
    const st = store.state(use.hash);
    if (st === 'ok') continue;
    const base = { collection: use.collection, recordId: use.recordId, file: relOf(use.hash), repairable: true };
    problems.push(st === 'missing'
      ? { ...base, kind: 'capture_missing', message: `${use.what} missing ${use.whose}.`,
        fix: 'restore the file from a backup if one has it' }
      : { ...base, kind: 'capture_damaged',
        message: `${use.what} damaged ${use.whose}: the file no longer matches its checksum.`,
        fix: 'move it to quarantine/ and restore a good copy from a backup if one has it' });
  }
  return problems;
}

/** A verified copy of a capture file from the newest backup holding one, or null. */
function captureFromBackups(dir: string, hash: string): string | null {
  for (const b of listBackups(dir)) {
    const file = path.join(backupPath(dir, b.id), relOf(hash));
    if (fs.existsSync(file) && hashBytes(fs.readFileSync(file)) === hash) return file;
  }
  return null;
}

/** Damaged files go to quarantine/captures; missing ones come back from a backup. Returns files moved or restored. */
export function repairCaptures(dir: string, problems: readonly DoctorProblem[], ops: FsOps = realFs): { files: string[]; unrepaired: number } {
  const files: string[] = [];
  let unrepaired = 0;
  for (const p of problems) {
    if ((p.kind !== 'capture_missing' && p.kind !== 'capture_damaged') || !p.file) continue;
    const live = path.join(dir, p.file);
    if (p.kind === 'capture_damaged' && fs.existsSync(live)) files.push(quarantineFile(dir, p.file, ops, CAPTURES_DIR).movedTo);
    const good = captureFromBackups(dir, path.basename(p.file, BLOB_SUFFIX));
    if (!good) {
      unrepaired++;
      continue;
    }
    if (!fs.existsSync(path.dirname(live))) {
      ops.mkdirSync(path.dirname(live));
      fsyncDir(dir, ops);
    }
    linkOrCopy(good, live, ops);
    fsyncDir(path.dirname(live), ops);
    files.push(p.file);
  }
  return { files, unrepaired };
}
