/** The Info-dictionary update: Title and Author readable by a PDF reader (pdf.js), original bytes kept. */
import { describe, expect, it } from 'vitest';
import { stampPdfInfo } from './pdf-info';

/** A minimal one-page PDF with a classic xref table and an Info dictionary, as Skia writes them. */
function minimalPdf(): Uint8Array {
  const objs = [
    '<</Title (Old title) /Producer (Skia/PDF m150) /CreationDate (D:20261125000000+00\'00\')>>',
    '<</Type /Catalog /Pages 3 0 R>>',
    '<</Type /Pages /Kids [4 0 R] /Count 1>>',
    '<</Type /Page /Parent 3 0 R /MediaBox [0 0 595 842]>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objs.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

async function infoOf(pdf: Uint8Array): Promise<Record<string, unknown>> {
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
  try {
    return (await doc.getMetadata()).info as Record<string, unknown>;
  } finally {
    await doc.destroy();
  }
}

describe('stampPdfInfo', () => {
  it('sets a Unicode title and author by an incremental update, keeping the original bytes and other entries', async () => {
    const original = minimalPdf();
    const stamped = stampPdfInfo(original, { title: 'Türkiye–Kazakhstan relations', author: 'Mevlüt Çavuşoğlu' });
    expect(Buffer.from(stamped.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const info = await infoOf(stamped);
    expect(info.Title).toBe('Türkiye–Kazakhstan relations');
    expect(info.Author).toBe('Mevlüt Çavuşoğlu');
    expect(info.Producer).toBe('Skia/PDF m150');
  });

  it('leaves a PDF it cannot update (no classic trailer) unchanged', () => {
    const odd = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF', 'latin1'));
    expect(stampPdfInfo(odd, { title: 't', author: 'a' })).toBe(odd);
  });
});
