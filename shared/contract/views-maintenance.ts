/** Response shapes of the maintenance methods: backups, the integrity check (doctor) and recovery mode. */
import type { CollectionName } from '../domain/types';

export type BackupKind = 'daily' | 'pre-migration' | 'manual';

export interface BackupInfo {
  /** Folder name under backups/, e.g. "2026-11-25T16-20-01-123Z-daily"; sorts by time. */
  id: string;
  kind: BackupKind;
  createdAt: string;
  schemaVersion: number;
  /** Records per collection at the time of the backup. */
  counts: Record<string, number>;
  bytes: number;
  /** Read back and checked (listings check presence and sizes; restore re-checks every hash first). */
  verified: boolean;
  problem?: string;
}

export interface QuarantinedFileView {
  /** The file as it was, relative to the workspace folder (e.g. "snapshot.json"). */
  file: string;
  /** Where it was moved, relative to the workspace folder (e.g. "quarantine/snapshot.json.2026-…"). */
  movedTo: string;
}

/** Present in workspace.info only when the workspace could not be opened (recovery mode). */
export interface RecoveryInfo {
  kind: 'damaged' | 'too_new' | 'restore_interrupted';
  /** Plain words: what is wrong, and that nothing was deleted. */
  message: string;
  quarantined: QuarantinedFileView[];
  /** Newest first. */
  backups: BackupInfo[];
  /** The newest backup that read back completely: what the recovery screen offers first. */
  recommendedBackupId: string | null;
  /** Whether the workspace can be opened with what could still be read (recovery.continue). */
  canContinue: boolean;
  /** What continuing keeps and loses, in plain words. */
  continueEffect: string;
}

export interface RestoreOutcome {
  restored: BackupInfo;
  /** The files the restore replaced, kept in quarantine/. */
  quarantined: QuarantinedFileView[];
}

export type DoctorProblemKind =
  | 'dangling_reference'  // a record points at a record that does not exist
  | 'duplicate_id'        // one id used twice (in a list, in a dossier, or across collections)
  | 'tag_cycle'           // tags that are each other's ancestors
  | 'text_missing'        // a source whose text file is gone
  | 'text_damaged'        // a text file whose content no longer matches its hash
  | 'orphan_text'         // a text file no source (nor undo history) uses
  | 'temp_file'           // a temp file left by an interrupted write
  | 'capture_missing'     // a captured source's raw bytes or printed copy (captures/<hash>.blob) is gone
  | 'capture_damaged';    // a capture file whose content no longer matches its hash

export interface DoctorProblem {
  kind: DoctorProblemKind;
  message: string;
  collection?: CollectionName;
  recordId?: string;
  field?: string;
  /** The id that is referenced but missing, or used twice. */
  otherId?: string;
  /** A file relative to the workspace folder. */
  file?: string;
  repairable: boolean;
  /** What repair does about it, in plain words. */
  fix: string;
}

export interface DoctorRepair {
  /** Records changed in the one undoable "Repair workspace" transaction. */
  records: number;
  /** The undo label of that transaction, or null when no record needed fixing. */
  historyLabel: string | null;
  /** Files moved to quarantine/ or restored from a backup. */
  files: string[];
  /** Problems left as they were (not repairable automatically). */
  unrepaired: number;
}

export interface DoctorReport {
  checkedAt: string;
  /** What was found (before any repair). */
  problems: DoctorProblem[];
  /** Null unless repair was requested. */
  repaired: DoctorRepair | null;
}
