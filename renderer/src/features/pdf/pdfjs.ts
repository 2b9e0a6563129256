/** pdf.js for the page view: loaded on first use, its worker bundled with the app, no eval, nothing fetched from elsewhere. */
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
// Vite copies the worker into the build and gives its same-origin URL (allowed by script-src 'self': no CSP change).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type Pdfjs = typeof import('pdfjs-dist');

let loading: Promise<Pdfjs> | null = null;

/** The pdf.js module (a chunk of its own, so the reader's text view never downloads it). */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loading;
}

/** The app's own copy of pdf.js data (see pdfjsAssets in electron.vite.config.ts). */
const assetDir = (dir: string) => new URL(`pdfjs/${dir}/`, document.baseURI).href;

/** Starts parsing a PDF. pdf.js moves the bytes to its worker, so it gets a copy and the caller keeps the original. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const pdfjs = await loadPdfjs();
  return pdfjs.getDocument({
    data: bytes.slice(),
    // Fonts are drawn from their outlines, never compiled to functions (a hostile PDF's font program stays data).
    isEvalSupported: false,
    enableXfa: false,
    // WebAssembly would need 'wasm-unsafe-eval' in the CSP; pdf.js's JS decoders cover JPEG 2000 and JBIG2.
    useWasm: false,
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
    wasmUrl: assetDir('wasm'),
    // The whole file is here already: no range requests or streaming.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    verbosity: 0,
  });
}
