/** The CLI's exit codes, and how each expected failure (usage, not found, locked, damaged, permissions, disk) maps to one. */
import type { ApiError } from '../../shared/contract/define';
import { StoreError, describeIoError } from '../services/store/errors';

/** Scripts can tell failures apart by these; `workbench --help` lists them. */
export const EXIT = {
  ok: 0,
  /** The command ran but refused or could not do (part of) the work: an import rejected, a conflict. */
  failed: 1,
  usage: 2,
  notFound: 3,
  locked: 4,
  /** The workspace is damaged or was written by a newer version: `workbench doctor` / `recover`. */
  damaged: 5,
  permission: 6,
  /** The disk failed: full, read-only medium, I/O error. */
  disk: 7,
  /** A bug: the message says so and --debug prints the stack. */
  internal: 70,
} as const;

export const EXIT_CODES_USAGE = `Exit codes: 0 ok, 1 refused or failed, 2 usage, 3 not found, 4 workspace locked,
5 workspace damaged or too new, 6 permission denied, 7 disk error, 70 internal error (--debug shows details).`;

const PERMISSION_CODES = new Set(['EACCES', 'EPERM']);
const DISK_CODES = new Set(['ENOSPC', 'EIO', 'EROFS', 'EDQUOT', 'EMFILE', 'ENFILE', 'EBUSY']);

/** A Node fs error's code, looking through a StoreError's cause. */
function errnoOf(e: unknown): NodeJS.ErrnoException | null {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return cur as NodeJS.ErrnoException;
  }
  return null;
}

/** The exit code for a failed contract call, by its typed error code. */
export function exitForApiError(error: Pick<ApiError, 'code'>): number {
  switch (error.code) {
    case 'not_found': return EXIT.notFound;
    case 'workspace_locked': return EXIT.locked;
    case 'storage_failed': return EXIT.disk;
    case 'internal': case 'unknown_method': return EXIT.internal;
    default: return EXIT.failed;
  }
}

export interface Classified { exitCode: number; message: string; expected: boolean }

/** Turns anything a command threw into one line and an exit code; `expected` false means a bug (stack worth showing). */
export function classifyFailure(e: unknown): Classified {
  const errno = errnoOf(e);
  if (e instanceof StoreError) {
    switch (e.kind) {
      case 'locked': return { exitCode: EXIT.locked, message: e.message, expected: true };
      case 'missing': return { exitCode: EXIT.notFound, message: e.message, expected: true };
      case 'damaged': case 'too_new': return { exitCode: EXIT.damaged, message: e.message, expected: true };
      default: {
        const permission = errno !== null && PERMISSION_CODES.has(errno.code!);
        return { exitCode: permission ? EXIT.permission : EXIT.disk, message: e.message, expected: true };
      }
    }
  }
  if (errno) {
    const where = errno.path ? ` (${errno.path})` : '';
    if (PERMISSION_CODES.has(errno.code!)) {
      return { exitCode: EXIT.permission, message: `permission denied${where}: this account may not change the workspace`, expected: true };
    }
    if (DISK_CODES.has(errno.code!)) return { exitCode: EXIT.disk, message: `${describeIoError(errno)}${where}`, expected: true };
    if (errno.code === 'ENOENT' || errno.code === 'ENOTDIR') return { exitCode: EXIT.notFound, message: `not found${where}`, expected: true };
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { exitCode: EXIT.internal, message: `unexpected failure (a bug; please report it): ${message}`, expected: false };
}
