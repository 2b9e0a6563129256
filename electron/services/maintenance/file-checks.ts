/** Integrity of files: every source's text present and matching its hash, no orphaned texts, no leftover temp files. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { DoctorProblem } from '../../../shared/contract/views-maintenance';
import { referencedTexts } from '../store/load';
import { TEMP_SUFFIX, fsyncDir, linkOrCopy, realFs, type FsOps } from '../store/durable-fs';
import { quarantineFile } from '../store/quarantine';
import { listBackups, backupPath } from '../store/backups';
import { SHARDS_DIR } from '../store/shards';

const HASH_FILE = /^([0-9a-f]{64})\.txt$/;
const sha256File = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Reads every text file once (hashing it), so this costs as much as reading the workspace's texts. */
export function checkFiles(dir: string, state: WorkspaceState): DoctorProblem[] {
  const problems: DoctorProblem[] = [];
  const needed = referencedTexts(state);
  const textsDir = path.join(dir, 'texts');
  const present = new Set<string>();
  for (const name of fs.existsSync(textsDir) ? fs.readdirSync(textsDir) : []) {
    const rel = path.join('texts', name);
    const m = HASH_FILE.exec(name);
    if (!m) {
      if (name.endsWith(TEMP_SUFFIX)) problems.push(tempFile(rel));
      continue;
    }
    const hash = m[1]!;
    present.add(hash);
    if (!needed.has(hash)) {
      problems.push({ kind: 'orphan_text', file: rel, repairable: true,
        message: `The text file ${rel} is used by no source (nor by undo history).`, fix: 'move it to quarantine/' });
    } else if (sha256File(path.join(textsDir, name)) !== hash) {
      problems.push({ kind: 'text_damaged', file: rel, repairable: true,
        message: `The text file ${rel} no longer matches its checksum: its content was changed or damaged.`,
        fix: 'move it to quarantine/ and restore a good copy from a backup if one has it' });
    }
  }
  for (const s of state.all('sources')) {
    if (present.has(s.contentHash)) continue;
    problems.push({ kind: 'text_missing', collection: 'sources', recordId: s.id, file: path.join('texts', `${s.contentHash}.txt`),
      repairable: true, message: `The text of source “${s.meta.title}” (${s.id}) is missing.`, fix: 'restore it from a backup if one has it' });
  }
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) problems.push(tempFile(name));
  }
  // A compaction interrupted while writing a shard leaves its temp file there.
  const shardsDir = path.join(dir, SHARDS_DIR);
  for (const name of fs.existsSync(shardsDir) ? fs.readdirSync(shardsDir) : []) {
    if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) problems.push(tempFile(path.join(SHARDS_DIR, name)));
  }
  return problems;
}

const tempFile = (rel: string): DoctorProblem => ({
  kind: 'temp_file', file: rel, repairable: true,
  message: `${rel} is a temp file left by an interrupted write.`, fix: 'move it to quarantine/',
});

/** A verified copy of a text from the newest backup holding one, or null. */
function textFromBackups(dir: string, hash: string): string | null {
  for (const b of listBackups(dir)) {
    const file = path.join(backupPath(dir, b.id), 'texts', `${hash}.txt`);
    if (fs.existsSync(file) && sha256File(file) === hash) return file;
  }
  return null;
}

/** Applies the file fixes; returns the files moved or restored, and how many problems could not be fixed. */
export function repairFiles(dir: string, problems: readonly DoctorProblem[], ops: FsOps = realFs): { files: string[]; unrepaired: number } {
  const files: string[] = [];
  let unrepaired = 0;
  for (const p of problems) {
    if (!p.file) continue;
    if (p.kind === 'orphan_text' || p.kind === 'temp_file' || p.kind === 'text_damaged') {
      if (fs.existsSync(path.join(dir, p.file))) files.push(quarantineFile(dir, p.file, ops, path.dirname(p.file) === '.' ? '' : path.dirname(p.file)).movedTo);
    }
    if ((p.kind === 'text_damaged' || p.kind === 'text_missing') && !fs.existsSync(path.join(dir, p.file))) {
      const hash = HASH_FILE.exec(path.basename(p.file))![1]!;
      const good = textFromBackups(dir, hash);
      if (!good) {
        unrepaired++;
        continue;
      }
      fs.mkdirSync(path.join(dir, 'texts'), { recursive: true, mode: 0o700 });
      linkOrCopy(good, path.join(dir, p.file), ops);
      fsyncDir(path.join(dir, 'texts'), ops);
      files.push(p.file);
    }
  }
  return { files, unrepaired };
}
