/** The shared print settings: the same page for Chromium and Electron, and a header that cannot inject markup. */
import { describe, expect, it } from 'vitest';
import { chromiumPdfOptions, electronPdfOptions, headerTemplate } from './print-options';

describe('print options', () => {
  it('escapes the dossier title in the running header', () => {
    const header = headerTemplate('<img src=x onerror=alert(1)> & “Türkiye”');
    expect(header).not.toContain('<img');
    expect(header).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; “Türkiye”');
  });

  it('gives Chromium and Electron the same page, margins, templates, tagging and outline', () => {
    const c = chromiumPdfOptions('T');
    const e = electronPdfOptions('T');
    expect([c.format, e.pageSize]).toEqual(['A4', 'A4']);
    expect(e.headerTemplate).toBe(c.headerTemplate);
    expect(e.footerTemplate).toBe(c.footerTemplate);
    expect(c.footerTemplate).toMatch(/class="pageNumber".* of .*class="totalPages"/);
    expect(`${Math.round(e.margins.top * 25.4)}mm`).toBe(c.margin.top);
    expect([c.tagged, c.outline, e.generateTaggedPDF, e.generateDocumentOutline]).toEqual([true, true, true, true]);
  });
});
