/** Saves an exported file through the browser's own download (an <a download> on a Blob): browser mode only (api/saveExport.ts picks). */
import type { ExportedFile } from '../../../../../shared/contract/views-dossiers';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function saveFile(file: ExportedFile, doc: Document = document): void {
  const blob = new Blob([base64ToBytes(file.dataBase64)], { type: file.mimeType || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next tasks; keep it a while for slow starts.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
