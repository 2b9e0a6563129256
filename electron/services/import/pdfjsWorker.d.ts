/** Types for the pdf.js worker module, imported only to run it on the main thread (no worker file fetch). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
