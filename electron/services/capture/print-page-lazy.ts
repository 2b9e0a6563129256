/**
 * The headless-Chromium page printer for browser mode and the CLI, loaded on first use so they start without
 * playwright-core. Its browser is the dossier printer's: `closeLazyChromiumPrinter` (export/lazy-printer.ts) ends both.
 */
import type { PagePrinter } from './types';
import { printKind } from './print-page-html';

export const lazyChromiumPagePrinter: PagePrinter = async (page, opts) => {
  // A page that is not printed (a PDF) is refused without loading playwright-core or starting a browser.
  printKind(page);
  const { chromiumAvailable, chromiumPath } = await import('../export/chromium-printer');
  if (!chromiumAvailable()) throw new Error(`Printing the captured page needs Chromium at ${chromiumPath()} (set CHROMIUM_PATH).`);
  return (await import('./print-page-chromium')).sharedChromiumPagePrinter()(page, opts);
};

export { closeLazyChromiumPrinter as closeLazyChromiumPagePrinter } from '../export/lazy-printer';
