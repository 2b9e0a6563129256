/** Typed store failures, mapped to API errors at the boundary. */

export type StoreErrorKind =
  | 'locked'          // another process holds the workspace
  | 'too_new'         // written by a newer app version: refused, never rewritten
  | 'damaged'         // a file could not be read as a workspace
  | 'missing'         // there is no workspace at that path (read-only opens never create one)
  | 'io';             // the disk refused a write (ENOSPC, EIO, EACCES…)

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    override readonly cause?: unknown,
    /** For 'damaged': the workspace file (name relative to the workspace folder) that could not be read. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A short human explanation of a Node fs error code. */
export function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC': return 'the disk is full';
    case 'EIO': return 'the disk reported an input/output error';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'the disk is read-only';
    case 'EDQUOT': return 'the disk quota is exceeded';
    case 'EMFILE':
    case 'ENFILE': return 'too many files are open';
    case 'ENOENT': return 'no such file or folder';
    case 'EISDIR': return 'it is a folder, not a file';
    default: return (e as Error)?.message ?? String(e);
  }
}

/** A StoreError('io') saying what could not be done and why, in plain words. */
export const ioError = (what: string, e: unknown, consequence = ''): StoreError =>
  e instanceof StoreError ? e : new StoreError('io', `${what}: ${describeIoError(e)}.${consequence ? ` ${consequence}` : ''}`, e);
