/** Test helper: writes tiny hand-made PDFs (correct xref offsets) so tests need no binary fixtures. */

export interface TestPdfOptions {
  /** One array of lines per page, drawn top-down; '' leaves a blank line. Latin-1 characters only. */
  pages: string[][];
  info?: { title?: string; author?: string };
  /** Adds a catalog /OpenAction that runs JavaScript (for the refusal policy test). */
  openActionJavaScript?: string;
  /** Omits the font and text operators entirely: a PDF with no extractable text. */
  noText?: boolean;
}

/** Escapes a PDF literal string: backslash and parentheses. */
const pdfString = (value: string): string => `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** Builds the PDF as a Latin-1 string (WinAnsi matches Latin-1 for ü, ö, é …) and returns its bytes. */
export function makeTestPdf(options: TestPdfOptions): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);

  const catalogNo = add('');
  const pagesNo = add('');
  const fontNo = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageNos: number[] = [];
  for (const lines of options.pages) {
    const ops = options.noText
      ? '0 0 1 rg 72 600 200 100 re f'
      : ['BT', '/F1 14 Tf', '72 720 Td', '18 TL', ...lines.map((line) => (line === '' ? 'T*' : `${pdfString(line)} Tj T*`)), 'ET'].join('\n');
    const contentNo = add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
    pageNos.push(
      add(
        `<< /Type /Page /Parent ${pagesNo} 0 R /MediaBox [0 0 612 792] ` +
          `/Resources << /Font << /F1 ${fontNo} 0 R >> >> /Contents ${contentNo} 0 R >>`,
      ),
    );
  }
  objects[pagesNo - 1] = `<< /Type /Pages /Kids [${pageNos.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNos.length} >>`;

  let openAction = '';
  if (options.openActionJavaScript !== undefined) {
    const actionNo = add(`<< /Type /Action /S /JavaScript /JS ${pdfString(options.openActionJavaScript)} >>`);
    openAction = ` /OpenAction ${actionNo} 0 R`;
  }
  objects[catalogNo - 1] = `<< /Type /Catalog /Pages ${pagesNo} 0 R${openAction} >>`;

  let infoRef = '';
  if (options.info) {
    const entries = [
      options.info.title !== undefined ? `/Title ${pdfString(options.info.title)}` : '',
      options.info.author !== undefined ? `/Author ${pdfString(options.info.author)}` : '',
    ].join(' ');
    infoRef = ` /Info ${add(`<< ${entries} >>`)} 0 R`;
  }

  // Offsets are byte positions; in a Latin-1 string one character is one byte.
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalogNo} 0 R${infoRef} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}
