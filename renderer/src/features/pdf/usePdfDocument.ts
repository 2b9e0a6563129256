/** The pdf.js document of some bytes, destroyed (worker memory freed) when the bytes change or the view goes. */
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from './pdfjs';

export interface PdfDocumentState {
  doc: PDFDocumentProxy | null;
  error: string | null;
}

export function usePdfDocument(bytes: Uint8Array | undefined): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState>({ doc: null, error: null });
  useEffect(() => {
    if (!bytes) return;
    let live = true;
    let destroy: (() => void) | null = null;
    setState({ doc: null, error: null });
    void openPdf(bytes)
      .then((task) => {
        destroy = () => void task.destroy();
        if (!live) return destroy();
        return task.promise.then((doc) => live && setState({ doc, error: null }));
      })
      .catch((cause: unknown) => {
        if (live) setState({ doc: null, error: cause instanceof Error ? cause.message : String(cause) });
      });
    return () => {
      live = false;
      destroy?.();
    };
  }, [bytes]);
  return state;
}
