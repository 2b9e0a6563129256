/** Reads for the PDF page view: a pdf source's kept original, as bytes ready for pdf.js. */
import { useEffect } from 'react';
import type { BlobRef } from '../../../shared/domain/capture';
import { client, queryCache } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

export interface PdfBytes {
  fileName: string;
  blob: BlobRef;
  /** The file's bytes. pdf.js takes ownership of what it is given: pass it a copy (bytes.slice()). */
  bytes: Uint8Array;
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const pdfQueries = {
  /** The original never changes (content-addressed), so one load serves every visit while it is cached. */
  original: (sourceId: string): QueryDef<PdfBytes> => ({
    key: `pdf:original:${sourceId}`,
    fetch: async () => {
      const reply = await client['sources.pdfOriginal']({ id: sourceId });
      if (!reply.ok) return reply;
      const { fileName, blob, dataBase64 } = reply.value;
      return { ok: true, value: { fileName, blob, bytes: base64ToBytes(dataBase64) } };
    },
  }),
};

/**
 * The original PDF of a source (null = nothing to load). The bytes can be tens of megabytes, so they are dropped
 * from the cache once no page view shows them (an invalidation forgets keys nobody watches).
 */
export function usePdfOriginal(sourceId: string | null) {
  const snapshot = useQuery(sourceId ? pdfQueries.original(sourceId) : null);
  useEffect(() => {
    if (!sourceId) return;
    const key = pdfQueries.original(sourceId).key;
    // After this view's subscription is gone (it unsubscribes in the same commit), so the key is unwatched.
    return () => void window.setTimeout(() => void queryCache.invalidate((k) => k === key), 0);
  }, [sourceId]);
  return snapshot;
}
