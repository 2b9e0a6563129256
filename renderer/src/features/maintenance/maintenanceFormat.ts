/** Plain-words formatting for the recovery and maintenance screens: sizes, backup kinds, counts, file locations. */
import type { BackupInfo, BackupKind, DoctorProblemKind, DoctorRepair } from '../../../../shared/contract/views-maintenance';
import { plural } from '../common/lib/format';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB"; whole bytes below 1 KB ("1 byte", "900 bytes"). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${Math.round(bytes)} bytes`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${UNITS[unit]}`;
}

const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily',
  manual: 'Manual',
  'pre-migration': 'Before upgrade',
};

export const backupKindLabel = (kind: BackupKind): string => KIND_LABELS[kind] ?? kind;

export { plural };

/** What a backup holds, the collections an analyst cares about first ("1 source · 3 highlights · 2 tags"). */
export function describeBackupCounts(counts: Record<string, number>): string {
  const order: [string, string][] = [
    ['sources', 'source'], ['highlights', 'highlight'], ['tags', 'tag'], ['entities', 'entity'],
    ['claims', 'claim'], ['relationships', 'relationship'], ['dossiers', 'dossier'],
  ];
  const parts = order
    .filter(([key], i) => i < 2 || (counts[key] ?? 0) > 0) // sources and highlights always, the rest when present
    .map(([key, word]) => {
      const n = counts[key] ?? 0;
      return word === 'entity' ? `${n} ${n === 1 ? 'entity' : 'entities'}` : plural(n, word);
    });
  return parts.join(' · ');
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp as the user's locale shows it; the raw text when it does not parse. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** A workspace-relative file ("quarantine/x") as a full path, with the separator the workspace path uses. */
export function inWorkspace(workspacePath: string, relative: string): string {
  const sep = workspacePath.includes('\\') && !workspacePath.includes('/') ? '\\' : '/';
  const base = workspacePath.endsWith(sep) ? workspacePath.slice(0, -1) : workspacePath;
  return `${base}${sep}${relative.split('/').join(sep)}`;
}

/** The backup to offer first: the recommended one if listed, else none (the user picks from the list). */
export function recommendedBackup(backups: BackupInfo[], id: string | null): BackupInfo | null {
  return id ? backups.find((b) => b.id === id) ?? null : null;
}

const PROBLEM_LABELS: Record<DoctorProblemKind, string> = {
  dangling_reference: 'Broken reference',
  duplicate_id: 'Duplicate id',
  tag_cycle: 'Tag cycle',
  text_missing: 'Text missing',
  text_damaged: 'Text damaged',
  orphan_text: 'Unused text file',
  temp_file: 'Leftover temp file',
  capture_missing: 'Capture file missing',
  capture_damaged: 'Capture file damaged',
};

export const problemKindLabel = (kind: DoctorProblemKind): string => PROBLEM_LABELS[kind] ?? kind;

/** One sentence on what a repair did. */
export function describeRepair(repair: DoctorRepair): string {
  const parts: string[] = [];
  if (repair.records > 0) parts.push(`${plural(repair.records, 'record')} fixed in one undoable step`);
  if (repair.files.length > 0) parts.push(`${plural(repair.files.length, 'file')} moved to quarantine/ or restored from a backup`);
  if (repair.unrepaired > 0) parts.push(`${plural(repair.unrepaired, 'problem')} left for you to fix by hand`);
  return parts.length ? `${parts.join('; ')}.` : 'Nothing needed repairing.';
}
