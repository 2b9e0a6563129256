/** Typed store failures, mapped to API errors at the boundary. */

export type StoreErrorKind =
  | 'locked'          // another process holds the workspace
  | 'too_new'         // written by a newer app version: refused, never rewritten
  | 'damaged'         // a file could not be read as a workspace
  | 'io';             // the disk refused a write (ENOSPC, EIO, EACCES…)

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    override readonly cause?: unknown,
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
    default: return (e as Error)?.message ?? String(e);
  }
}
