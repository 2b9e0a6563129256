/** The one set of PDF print settings (A4, margins, running header, "Page N of M" footer) for Chromium and Electron alike. */

/** Page margins in millimetres; the header and footer are drawn inside the top and bottom margins. */
const PDF_MARGINS_MM = { top: 20, bottom: 18, left: 20, right: 20 } as const;

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const BAR = `width:100%;box-sizing:border-box;padding:0 ${PDF_MARGINS_MM.left}mm 0 ${PDF_MARGINS_MM.right}mm;` +
  `font-family:'DejaVu Sans','Noto Sans','Liberation Sans',Arial,sans-serif;font-size:7.5pt;color:#6b7177;` +
  `display:flex;justify-content:space-between;-webkit-print-color-adjust:exact;`;

/**
 * Running header: the dossier title (escaped: header templates are HTML) and a label. Templates run
 * in their own document without the page's CSS, so every style is inline and sizes are explicit.
 */
export function headerTemplate(title: string): string {
  const cut = title.length > 90 ? `${title.slice(0, 89)}…` : title;
  return `<div style="${BAR}margin-top:7mm;"><span>${escape(cut)}</span><span>Dossier</span></div>`;
}

/** Footer: "Page N of M" from Chromium's pageNumber/totalPages placeholders. */
export function footerTemplate(): string {
  return `<div style="${BAR}margin-bottom:6mm;justify-content:center;">` +
    `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

const mm = (n: number): string => `${n}mm`;

/** Options for playwright's page.pdf (headless Chromium). */
export function chromiumPdfOptions(title: string) {
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(title),
    footerTemplate: footerTemplate(),
    margin: { top: mm(PDF_MARGINS_MM.top), bottom: mm(PDF_MARGINS_MM.bottom), left: mm(PDF_MARGINS_MM.left), right: mm(PDF_MARGINS_MM.right) },
    tagged: true,
    outline: true,
  };
}

const inches = (n: number): number => n / 25.4;

/** The same settings for Electron's webContents.printToPDF (margins in inches there). */
export function electronPdfOptions(title: string) {
  return {
    pageSize: 'A4' as const,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(title),
    footerTemplate: footerTemplate(),
    margins: {
      top: inches(PDF_MARGINS_MM.top), bottom: inches(PDF_MARGINS_MM.bottom),
      left: inches(PDF_MARGINS_MM.left), right: inches(PDF_MARGINS_MM.right),
    },
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}
