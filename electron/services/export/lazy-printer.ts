/** The headless-Chromium printer, loaded on first use so hosts and the CLI start without playwright-core. */
import type { PdfPrinter } from './pdf-printer';

export const lazyChromiumPrinter: PdfPrinter = async (html, opts) =>
  (await import('./chromium-printer')).sharedChromiumPrinter().print(html, opts);

/** Closes the shared browser if one was started. */
export async function closeLazyChromiumPrinter(): Promise<void> {
  const m = await import('./chromium-printer');
  await m.sharedChromiumPrinter().close();
}
