/** A captured source put straight into a workspace (blobs through the capture store, the record by a raw put). */
import crypto from 'node:crypto';
import type { CaptureRecord } from '../../shared/domain/capture';
import type { Source } from '../../shared/domain/types';
import type { Workbench } from '../../electron/services/workbench/workbench';
import { putRecord } from '../robustness/fixture';

const T = '2026-12-05T14:03:00.000Z';

/** Stores `raw` (and `printed`) as capture files and a source whose record refers to them; returns the source. */
export function putCapturedSource(wb: Workbench, text: string, raw: string, printed: string | null = '%PDF-1.7 printed'): Source {
  const contentHash = wb.store.texts.put(text);
  const rawRef = wb.store.captures.put(Buffer.from(raw), 'text/html');
  const rendered = printed === null ? null : wb.store.captures.put(Buffer.from(printed), 'application/pdf');
  const capture: CaptureRecord = {
    method: 'url', requestedUrl: 'http://127.0.0.1/a', finalUrl: 'http://127.0.0.1/a', redirects: [], status: 200,
    headers: { 'content-type': 'text/html' }, capturedAt: T, contentType: 'text/html', charset: 'utf-8', charsetSource: 'header',
    raw: rawRef, textSha256: contentHash, rendered, page: {
      title: 'A page', authors: [], publisher: '', publishedAt: '', modifiedAt: '', language: '', canonicalUrl: '', found: [],
    }, userAgent: '',
  };
  const source: Source = {
    id: crypto.randomUUID(), kind: 'html', fileName: '', contentHash, textLength: text.length,
    meta: { title: 'A page', authors: [], publisher: '', publishedAt: '', url: 'http://127.0.0.1/a', language: 'en' },
    reliability: 'F', capture, createdAt: T, updatedAt: T,
  };
  putRecord(wb, 'sources', source);
  return source;
}
