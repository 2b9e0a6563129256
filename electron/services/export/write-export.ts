/** Writes an export where the user's native save dialog pointed: fetched from the services, written atomically and durably. */
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { ApiHandlers } from '../../../shared/contract/api';
import type { SaveExportRequest } from '../../../shared/contract/desktop';
import type { ExportedFile } from '../../../shared/contract/views-dossiers';
import { realFs, writeFileDurable, type FsOps } from '../store/durable-fs';

/** Every way a save can fail, so the renderer can say what to do about it. */
export type WriteExportErrorCode =
  | 'invalid_path'      // not an absolute path to a file
  | 'not_found'         // no such export job (unknown, or dropped long after it finished)
  | 'not_finished'      // the job is still running
  | 'export_failed'     // the job ended without a file (failed or cancelled)
  | 'folder_missing'    // the chosen folder does not exist (any more)
  | 'is_directory'      // the chosen name is a folder
  | 'permission_denied' // EACCES / EPERM / read-only disk
  | 'disk_full'         // ENOSPC / EDQUOT
  | 'write_failed';     // anything else the disk said

export interface WriteExportError {
  code: WriteExportErrorCode;
  message: string;
}

/**
 * Fetches the export the request names and writes it to `filePath`. The file appears under that name only when
 * complete (temp file in the same folder, fsync, rename, folder fsync), so an existing file there is replaced whole
 * or not at all, and a crash never leaves half a file under the user's chosen name.
 */
export async function writeExportFile(
  handlers: ApiHandlers, request: SaveExportRequest, filePath: string,
): Promise<Result<{ path: string; bytes: number }, { code: string; message: string }>> {
  return writeExportFileWith(handlers, request, filePath, realFs);
}

/** writeExportFile with the fs calls injectable (tests inject a failure in the middle of the write). */
export async function writeExportFileWith(
  handlers: ApiHandlers, request: SaveExportRequest, filePath: string, ops: FsOps,
): Promise<Result<{ path: string; bytes: number }, WriteExportError>> {
  if (typeof filePath !== 'string' || !path.isAbsolute(filePath) || path.basename(filePath) === '') {
    return err({ code: 'invalid_path', message: `Cannot save to "${String(filePath)}": not a full path to a file.` });
  }
  const target = path.resolve(filePath);
  // Checked before fetching, so a wrong place is reported at once and a finished job is not fetched for nothing.
  const where = checkTarget(target);
  if (!where.ok) return where;
  const file = await fetchExport(handlers, request);
  if (!file.ok) return file;
  const bytes = Buffer.from(file.value.dataBase64, 'base64');
  try {
    writeFileDurable(target, bytes, ops);
  } catch (e) {
    return err(diskError(target, e));
  }
  return ok({ path: target, bytes: bytes.length });
}

function checkTarget(target: string): Result<null, WriteExportError> {
  const folder = path.dirname(target);
  try {
    if (!fs.statSync(folder).isDirectory()) return err(folderMissing(folder));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err(code === 'ENOENT' || code === 'ENOTDIR' ? folderMissing(folder) : diskError(target, e));
  }
  try {
    if (fs.statSync(target).isDirectory()) return err(isDirectory(target));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return err(diskError(target, e));
  }
  return ok(null);
}

async function fetchExport(handlers: ApiHandlers, request: SaveExportRequest): Promise<Result<ExportedFile, WriteExportError>> {
  switch (request.kind) {
    case 'job': {
      // The status tells "still running" from "failed" (exports.download says "conflict" for both).
      const status = await handlers['exports.status']({ jobId: request.jobId });
      if (!status.ok) return err({ code: 'not_found', message: `${status.error.message} Export the dossier again.` });
      if (status.value.state === 'running') return err({ code: 'not_finished', message: 'The export is still running: save it when it has finished.' });
      if (status.value.state === 'failed') return err({ code: 'export_failed', message: status.value.error ?? 'The export failed.' });
      const file = await handlers['exports.download']({ jobId: request.jobId });
      if (file.ok) return file;
      return err(file.error.code === 'not_found'
        ? { code: 'not_found', message: `${file.error.message} Export the dossier again.` }
        : { code: 'export_failed', message: file.error.message });
    }
    case 'annotations': return produced(await handlers['exports.annotations']({ format: request.format }));
    case 'graph': return produced(await handlers['exports.graph']({ format: request.format }));
    case 'ach': return produced(await handlers['ach.csv']({ id: request.matrixId }));
    case 'exchange': return produced(await handlers['exports.exchange']({ format: request.format }));
  }
}

const produced = (r: Result<ExportedFile, { message: string }>): Result<ExportedFile, WriteExportError> =>
  (r.ok ? r : err({ code: 'export_failed', message: r.error.message }));

const folderMissing = (folder: string): WriteExportError =>
  ({ code: 'folder_missing', message: `Cannot save: the folder ${folder} does not exist (any more). Choose another folder.` });
const isDirectory = (target: string): WriteExportError =>
  ({ code: 'is_directory', message: `Cannot save as ${target}: that is a folder, not a file. Choose a file name.` });

/** Maps what the disk said to a code and a sentence; nothing was written under the chosen name in any of these. */
function diskError(target: string, e: unknown): WriteExportError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const where = `Could not save ${path.basename(target)} in ${path.dirname(target)}`;
  const kept = fs.existsSync(target) ? ' The file that was there is unchanged.' : '';
  switch (code) {
    case 'EACCES': case 'EPERM': case 'EROFS':
      return { code: 'permission_denied', message: `${where}: permission denied${code === 'EROFS' ? ' (the disk is read-only)' : ''}. Choose a folder you can write to.${kept}` };
    case 'ENOSPC': case 'EDQUOT':
      return { code: 'disk_full', message: `${where}: the disk is full. Free some space or choose another disk.${kept}` };
    case 'EISDIR':
      return isDirectory(target);
    case 'ENOENT': case 'ENOTDIR':
      return folderMissing(path.dirname(target));
    default:
      return { code: 'write_failed', message: `${where}: ${(e as Error)?.message ?? String(e)}.${kept}` };
  }
}
