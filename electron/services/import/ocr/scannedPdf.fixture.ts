/** Test fixture: a "scanned" PDF made in memory — lines of text drawn to a PNG, embedded as the only thing on a page. */
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
let fontRegistered = false;

/** Draws the lines in black DejaVu Sans on white, `dpi` pixels per inch, on a page `widthPt` × `heightPt` points. */
export async function textImage(lines: readonly string[], { widthPt = 595, heightPt = 300, dpi = 200, sizePt = 14 } = {}): Promise<Buffer> {
  if (!fontRegistered) fontRegistered = GlobalFonts.registerFromPath(FONT, 'DejaVu Sans Test') !== null;
  const scale = dpi / 72;
  const canvas = createCanvas(Math.round(widthPt * scale), Math.round(heightPt * scale));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  context.font = `${Math.round(sizePt * scale)}px "DejaVu Sans Test"`;
  context.textBaseline = 'top';
  lines.forEach((line, i) => {
    // A blank line in `lines` leaves a gap, which tesseract reads as a paragraph break.
    if (line !== '') context.fillText(line, 40 * scale, (40 + i * sizePt * 1.8) * scale);
  });
  return canvas.encode('png');
}

/** A PDF whose pages are each one full-page PNG (no text layer), as a scanner makes them. */
export async function scannedPdf(pages: ReadonlyArray<{ png: Uint8Array; widthPt: number; heightPt: number }>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const { png, widthPt, heightPt } of pages) {
    const image = await pdf.embedPng(png);
    const page = pdf.addPage([widthPt, heightPt]);
    page.drawImage(image, { x: 0, y: 0, width: widthPt, height: heightPt });
  }
  return pdf.save();
}
