/** A capture's stored files: re-hashed against its provenance record (verify), or handed out for saving (artifact). */
import fs from 'node:fs';
import path from 'node:path';
import type { BlobRef, CaptureRecord } from '../../../shared/domain/capture';
import type { Source } from '../../../shared/domain/types';
import type { CaptureArtifact, CaptureVerification, HashCheck } from '../../../shared/contract/views-capture';
import { ok } from '../../../shared/domain/result';
import { hashBytes } from '../store/captures';
import { fail, type ServiceResult, type Workbench } from '../workbench/workbench';
import { artifactFileName } from './capture-names';

function capturedSource(wb: Workbench, id: string): ServiceResult<Source & { capture: CaptureRecord }, 'not_found' | 'unsupported'> {
  const source = wb.state.get('sources', id);
  if (!source) return fail('not_found', `No source with id ${id}.`);
  if (!source.capture) return fail('unsupported', `“${source.meta.title}” was not captured from the web: it has no capture to check.`);
  return ok(source as Source & { capture: CaptureRecord });
}

const check = (expected: string, bytes: Uint8Array | null): HashCheck => {
  const actual = bytes === null ? null : hashBytes(bytes);
  return { expected, actual, ok: actual === expected };
};

/** The text file's bytes as they are on disk (unverified), or null when it is gone. */
function textBytes(wb: Workbench, hash: string): Buffer | null {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  try {
    return fs.readFileSync(path.join(wb.store.texts.folder, `${hash}.txt`));
  } catch {
    return null;
  }
}

/** Re-hashes the raw bytes, the printed copy and the text on disk now against the hashes the record holds. */
export function verifyCapture(wb: Workbench, sourceId: string): ServiceResult<CaptureVerification, 'not_found' | 'unsupported'> {
  const found = capturedSource(wb, sourceId);
  if (!found.ok) return found;
  const { capture, contentHash } = found.value;
  const raw = check(capture.raw.sha256, wb.store.captures.read(capture.raw.sha256));
  const rendered = capture.rendered ? check(capture.rendered.sha256, wb.store.captures.read(capture.rendered.sha256)) : null;
  // The record's text hash must be the source's own, and the file must still hash to it.
  const text = check(capture.textSha256, contentHash === capture.textSha256 ? textBytes(wb, contentHash) : null);
  return ok({ sourceId, raw, rendered, text, ok: raw.ok && text.ok && (rendered?.ok ?? true) });
}

/** The raw bytes or the printed copy, verified, as base64 with a file name for saving. */
export function captureArtifact(
  wb: Workbench, sourceId: string, which: 'raw' | 'rendered',
): ServiceResult<CaptureArtifact, 'not_found' | 'unsupported'> {
  const found = capturedSource(wb, sourceId);
  if (!found.ok) return found;
  const { capture, meta } = found.value;
  const blob: BlobRef | null = which === 'raw' ? capture.raw : capture.rendered;
  if (!blob) {
    return fail('unsupported', `“${meta.title}” has no printed copy${capture.renderError ? ` (${capture.renderError})` : ''}.`);
  }
  const bytes = wb.store.captures.get(blob.sha256);
  if (!bytes) {
    const state = wb.store.captures.state(blob.sha256);
    return fail('not_found', `The ${which === 'raw' ? 'raw bytes' : 'printed copy'} of “${meta.title}” ${state === 'missing' ? 'are missing from' : 'no longer match their hash in'} the workspace; run the doctor to restore them from a backup.`);
  }
  return ok({ fileName: artifactFileName(meta.title, capture.capturedAt, blob.mediaType), blob, dataBase64: bytes.toString('base64') });
}
