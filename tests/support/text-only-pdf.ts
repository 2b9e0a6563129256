/**
 * A workspace holding a PDF source as the importer made it before issue 16: kind pdf, its text only, no page record
 * (`source.pdf` absent), with one highlight. Written through the workbench's own services (no hand-made store files),
 * before a server opens the folder.
 */
import { Workbench } from '../../electron/services/workbench/workbench';
import { addDocument } from '../../electron/services/workbench/sources';
import { createHighlight } from '../../electron/services/workbench/highlights';
import { emptyMeta } from '../../electron/services/import/types';
import { multiPageContent } from './pdf-fixture-content';

export interface TextOnlyPdf {
  sourceId: string;
  highlightId: string;
  text: string;
}

/** The text as the old importer read buildMultiPagePdf's pages: each page's heading and sentences as paragraphs. */
export function oldPdfText(pages: number): string {
  return Array.from({ length: pages }, (_, i) => {
    const c = multiPageContent(i + 1);
    return [c.heading, c.sentences.join(' ')].join('\n\n');
  }).join('\n\n');
}

export async function writeTextOnlyPdfSource(
  workspace: string, options: { title: string; fileName: string; pages: number; highlight: string },
): Promise<TextOnlyPdf> {
  const wb = await Workbench.open(workspace, { autoBackup: false });
  try {
    const text = oldPdfText(options.pages);
    const added = addDocument(wb, { kind: 'pdf', text, meta: { ...emptyMeta(), title: options.title } }, options.fileName);
    if (!added.ok) throw new Error(added.error.message);
    const source = added.value.source;
    if (source.pdf) throw new Error('fixture: the text-only source unexpectedly has a page record');
    const start = text.indexOf(options.highlight);
    if (start < 0) throw new Error(`fixture: "${options.highlight}" is not in the old text`);
    const h = createHighlight(wb, { sourceId: source.id, start, end: start + options.highlight.length, color: 'green', tagIds: [], note: '' });
    if (!h.ok) throw new Error(h.error.message);
    return { sourceId: source.id, highlightId: h.value.id, text };
  } finally {
    await wb.close();
  }
}
