/** The page's bytes as text for printing, decoded by the capture's own rules (decode-page.ts), so the printed copy reads as the imported text does. */
import { decodePage } from './decode-page';
import type { PrintablePage } from './types';

export function decodeForPrint(page: PrintablePage, kind: 'html' | 'text'): string {
  // The media type without parameters; a sniffed '' is decoded as what it is printed as.
  const type = page.contentType.split(';')[0]!.trim().toLowerCase() || (kind === 'html' ? 'text/html' : 'text/plain');
  // The header charset as FetchedPage carries it, or a charset parameter left on the content type.
  const header = page.headerCharset || /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(page.contentType)?.[1] || '';
  return decodePage(page.bytes, type, header).text;
}
