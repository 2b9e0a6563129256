/**
 * Web capture actions: capture a URL, re-capture, verify, save a stored copy, and the browser extension's pairing.
 * Each refreshes what it may have changed; failures are reported by the caller where the list shows them per URL.
 */
import type { Result } from '../../../shared/domain/result';
import type { ApiError } from '../../../shared/contract/define';
import type { CaptureOutcome } from '../../../shared/contract/views-capture';
import { saveFile } from '../features/common/lib/saveFile';
import { callApi, queryCache } from './client';
import { isCaptureVersionsKey, isExtensionsKey } from './captureHooks';
import { refreshAfterImport, refreshAfterPdfUpgrade } from './mutations';
import { anyOf, keys } from './queries';
import { notifySuccess } from './notify';

/**
 * Captures one URL. Returns the whole reply: the import dialog lists each URL's failure beside it rather than as a
 * notification. The library is refreshed after each new source, so rows appear as the list is worked through.
 */
export async function captureUrl(url: string): Promise<Result<CaptureOutcome, ApiError>> {
  const reply = await callApi('capture.url', { url }, null);
  // A PDF that gave an older text-only source its pages changed that source in place: its reader shows pages now.
  if (reply.ok && reply.value.upgraded) await refreshAfterPdfUpgrade(reply.value.source.id);
  else if (reply.ok && !reply.value.duplicate) await refreshAfterImport();
  return reply;
}

/**
 * Fetches a captured source's address again. A new version adds a source, changes every version list, and links the
 * re-captured source into the chain (its versionOf is set then), so its reader view is reloaded too.
 */
export async function recapture(sourceId: string) {
  const reply = await callApi('capture.recapture', { sourceId }, 'Could not re-capture the page');
  if (reply.ok && reply.value.status === 'changed') {
    await queryCache.invalidate(anyOf(
      keys.sources, keys.workspace, keys.edited, keys.highlights, keys.reader(sourceId), keys.reader(reply.value.previousId), isCaptureVersionsKey,
    ));
  }
  return reply.ok ? reply.value : null;
}

export async function verifyCapture(sourceId: string) {
  const reply = await callApi('capture.verify', { sourceId }, 'Could not verify the capture');
  return reply.ok ? reply.value : null;
}

/**
 * Saves the raw bytes or the printed copy as a download. The desktop app has no download handler of its own, so
 * Electron shows its save dialog for it; the bytes are the stored blob, unchanged.
 */
export async function saveCaptureArtifact(sourceId: string, which: 'raw' | 'rendered') {
  const label = which === 'raw' ? 'the raw copy' : 'the printed copy';
  const reply = await callApi('capture.artifact', { sourceId, which }, `Could not save ${label}`);
  if (!reply.ok) return null;
  const { fileName, blob, dataBase64 } = reply.value;
  saveFile({ fileName, mimeType: blob.mediaType, dataBase64 });
  notifySuccess('Saved', `Saved ${fileName}`);
  return reply.value;
}

export async function newPairingCode() {
  const reply = await callApi('extension.pairingCode', {}, 'Could not make a pairing code');
  return reply.ok ? reply.value : null;
}

/** Paired extensions show up after the code is used; the panel reloads the list on request. */
export const refreshPairedExtensions = () => queryCache.invalidate(isExtensionsKey);

export async function unpairExtension(id: string) {
  const reply = await callApi('extension.unpair', { id }, 'Could not unpair the extension');
  if (reply.ok) await refreshPairedExtensions();
  return reply.ok ? reply.value : null;
}
