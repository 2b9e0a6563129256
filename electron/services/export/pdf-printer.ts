/** The host's way of printing HTML to PDF, injected so the export service runs in plain Node (Electron: printToPDF; elsewhere: headless Chromium). */

export interface PdfPrintOptions {
  /** Document title and author for the PDF metadata. */
  title: string;
  author: string;
  /** Called with 0..1 while printing (pagination can take seconds for long dossiers). */
  onProgress?: (fraction: number, stage: string) => void;
}

export type PdfPrinter = (html: string, opts: PdfPrintOptions) => Promise<Uint8Array>;
