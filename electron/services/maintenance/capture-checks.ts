/** Integrity of web-capture files: every blob a captured source refers to present and matching its hash; repair from backups. */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { DoctorProblem } from '../../../shared/contract/views-maintenance';
import { BLOB_SUFFIX, CAPTURES_DIR, CaptureStore, hashBytes } from '../store/captures';
import { fsyncDir, linkOrCopy, realFs, type FsOps } from '../store/durable-fs';
import { quarantineFile } from '../store/quarantine';
import { backupPath, listBackups } from '../store/backups';

const relOf = (hash: string): string => path.join(CAPTURES_DIR, `${hash}${BLOB_SUFFIX}`);

/**
 * Reads (and hashes) each capture file a source refers to, once. Files referred to only by undo history are not
 * checked: like texts, their absence matters only if the analyst brings the source back.
 */
export function checkCaptures(dir: string, state: WorkspaceState): DoctorProblem[] {
  const store = new CaptureStore(path.join(dir, CAPTURES_DIR));
  const problems: DoctorProblem[] = [];
  const seen = new Set<string>();
  for (const s of state.all('sources')) {
    const c = s.capture;
    if (!c) continue;
    for (const [what, ref] of [['raw bytes are', c.raw], ['printed copy is', c.rendered]] as const) {
      if (!ref || seen.has(ref.sha256)) continue;
      seen.add(ref.sha256);
      const st = store.state(ref.sha256);
      if (st === 'ok') continue;
      const base = { collection: 'sources' as const, recordId: s.id, file: relOf(ref.sha256), repairable: true };
      problems.push(st === 'missing'
        ? { ...base, kind: 'capture_missing', message: `The captured ${what} missing for source “${s.meta.title}” (${s.id}).`,
          fix: 'restore the file from a backup if one has it' }
        : { ...base, kind: 'capture_damaged',
          message: `The captured ${what} damaged for source “${s.meta.title}” (${s.id}): the file no longer matches its checksum.`,
          fix: 'move it to quarantine/ and restore a good copy from a backup if one has it' });
    }
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
