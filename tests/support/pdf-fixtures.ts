/**
 * Test helper: generated PDFs (pdf-lib + DejaVu Sans so Türkiye/Erdoğan/Қазақстан round-trip) for the page-view tests.
 * The text on each page is exported by tests/support/pdf-fixture-content.ts; every builder is deterministic.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts, degrees, rgb, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib';
import {
  MIXED_PAGES,
  ROTATED_PAGE,
  SCANNED_LINES,
  TABLE_PAGE,
  TWO_COLUMN_PAGE,
  multiPageContent,
  outlineTitle,
} from './pdf-fixture-content';

export * from './pdf-fixture-content';

/** Installed by the fonts-dejavu-core package (CI installs it too); Helvetica cannot encode ğ or Cyrillic. */
export const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const PAGE_W = 612; // US Letter, in points
const PAGE_H = 792;
const MARGIN = 72;
const BODY_SIZE = 11;
const LEAD = 16;

let fontBytes: Uint8Array | null = null;
function dejaVuBytes(): Uint8Array {
  if (fontBytes) return fontBytes;
  if (!existsSync(DEJAVU_SANS)) throw new Error(`PDF fixtures need ${DEJAVU_SANS}: install the fonts-dejavu-core package`);
  fontBytes = readFileSync(DEJAVU_SANS);
  return fontBytes;
}

interface Ctx {
  doc: PDFDocument;
  font: PDFFont;
}

/** One document, one font embed shared by every page (the whole font, not a subset: pdf-lib's subsetter is unreliable). */
async function newDoc(title: string): Promise<Ctx> {
  // updateMetadata: false keeps the bytes deterministic (no producer/date stamps), so re-imports hash the same.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  const font = await doc.embedFont(dejaVuBytes());
  return { doc, font };
}

const wordWidths = new Map<string, number>();
/** Width of a word at 1 pt, cached: fontkit's layout is slow, and the 300-page document measures every word many times. */
function wordWidth(font: PDFFont, word: string): number {
  let w = wordWidths.get(word);
  if (w === undefined) wordWidths.set(word, (w = font.widthOfTextAtSize(word, 1)));
  return w;
}

/** Greedy word wrap to a width in points (word widths summed; kerning across a space is ignored). */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = wordWidth(font, ' ') * size;
  let line = '';
  let lineW = 0;
  for (const word of text.split(' ')) {
    const w = wordWidth(font, word) * size;
    if (line !== '' && lineW + space + w > width) {
      lines.push(line);
      line = word;
      lineW = w;
    } else {
      lineW = line === '' ? w : lineW + space + w;
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Draws each string as its own line(s), wrapped; returns the next baseline. */
function drawLines(page: PDFPage, font: PDFFont, texts: readonly string[], x: number, y: number, width: number): number {
  for (const text of texts) {
    for (const line of wrap(font, text, BODY_SIZE, width)) {
      page.drawText(line, { x, y, size: BODY_SIZE, font });
      y -= LEAD;
    }
  }
  return y;
}

function addHeading(page: PDFPage, font: PDFFont, heading: string): number {
  page.drawText(heading, { x: MARGIN, y: PAGE_H - MARGIN, size: 20, font });
  return PAGE_H - MARGIN - 36;
}

/** A text page: heading, then paragraphs of two sentences, each sentence starting a new line. */
function addTextPage(ctx: Ctx, heading: string, sentences: readonly string[]): PDFPage {
  const page = ctx.doc.addPage([PAGE_W, PAGE_H]);
  let y = addHeading(page, ctx.font, heading);
  for (let i = 0; i < sentences.length; i += 2) {
    y = drawLines(page, ctx.font, sentences.slice(i, i + 2), MARGIN, y, PAGE_W - 2 * MARGIN) - LEAD / 2;
  }
  return page;
}

function addTwoColumnPage(ctx: Ctx): PDFPage {
  const page = ctx.doc.addPage([PAGE_W, PAGE_H]);
  const top = addHeading(page, ctx.font, TWO_COLUMN_PAGE.heading);
  const colW = (PAGE_W - 2 * MARGIN - 36) / 2;
  drawLines(page, ctx.font, TWO_COLUMN_PAGE.left, MARGIN, top, colW);
  drawLines(page, ctx.font, TWO_COLUMN_PAGE.right, MARGIN + colW + 36, top, colW);
  return page;
}

function addTablePage(ctx: Ctx): PDFPage {
  const page = ctx.doc.addPage([PAGE_W, PAGE_H]);
  const top = addHeading(page, ctx.font, TABLE_PAGE.heading) + LEAD;
  const rows = TABLE_PAGE.rows;
  const cols = rows[0].length;
  const cellW = (PAGE_W - 2 * MARGIN) / cols;
  const cellH = 24;
  const line = { thickness: 0.8, color: rgb(0.2, 0.2, 0.2) };
  for (let r = 0; r <= rows.length; r++) {
    const y = top - r * cellH;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE_W - MARGIN, y }, ...line });
  }
  for (let c = 0; c <= cols; c++) {
    const x = MARGIN + c * cellW;
    page.drawLine({ start: { x, y: top }, end: { x, y: top - rows.length * cellH }, ...line });
  }
  rows.forEach((row, r) =>
    row.forEach((cell, c) =>
      page.drawText(cell, { x: MARGIN + c * cellW + 6, y: top - r * cellH - 16, size: BODY_SIZE, font: ctx.font }),
    ),
  );
  return page;
}

function addRotatedPage(ctx: Ctx): PDFPage {
  const page = addTextPage(ctx, ROTATED_PAGE.heading, ROTATED_PAGE.sentences);
  page.setRotation(degrees(90));
  return page;
}

type NapiCanvas = typeof import('@napi-rs/canvas');
let napiCanvas: NapiCanvas | null = null;
/**
 * @napi-rs/canvas (a native module, pdf.js's optional dependency) is loaded on first use through require, so the
 * bench bundle, which imports this file for the 300-page document only, never tries to bundle it.
 */
function canvasLib(): NapiCanvas {
  if (napiCanvas) return napiCanvas;
  dejaVuBytes(); // the clear error when the font is missing
  napiCanvas = createRequire(import.meta.url)('@napi-rs/canvas') as NapiCanvas;
  napiCanvas.GlobalFonts.registerFromPath(DEJAVU_SANS, 'DejaVu Fixture');
  return napiCanvas;
}

/** A 150 dpi "scan" of `lines` as PNG bytes, drawn with DejaVu so non-Latin lines work too. */
export function renderScanPng(lines: readonly string[]): Uint8Array {
  const { createCanvas } = canvasLib();
  const canvas = createCanvas(Math.round((PAGE_W * 150) / 72), Math.round((PAGE_H * 150) / 72));
  const g = canvas.getContext('2d');
  g.fillStyle = '#fbfaf6';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#111111';
  g.font = '34px "DejaVu Fixture"';
  lines.forEach((text, i) => g.fillText(text, 150, 200 + i * 60));
  return new Uint8Array(canvas.toBuffer('image/png'));
}

/** A page that is only a full-page image: no fonts, no text operators, nothing for a text layer. */
async function addScannedPage(ctx: Ctx, lines: readonly string[]): Promise<PDFPage> {
  const page = ctx.doc.addPage([PAGE_W, PAGE_H]);
  const image = await ctx.doc.embedPng(renderScanPng(lines));
  page.drawImage(image, { x: 0, y: 0, width: PAGE_W, height: PAGE_H });
  return page;
}

/** Adds a flat /Outlines tree (pdf-lib has no outline API, so it is built from low-level objects). */
function addOutline(doc: PDFDocument, entries: ReadonlyArray<{ title: string; page: PDFPage }>): void {
  const { context } = doc;
  const rootRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: rootRef,
      Dest: [entry.page.ref, 'XYZ', null, PDFNumber.of(PAGE_H), null],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    context.assign(refs[i]!, item);
  });
  const root = context.obj({ Type: 'Outlines', Count: PDFNumber.of(entries.length) });
  if (refs.length > 0) {
    root.set(PDFName.of('First'), refs[0]!);
    root.set(PDFName.of('Last'), refs[refs.length - 1]!);
  }
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
}

export interface MultiPageOptions {
  /** Defaults to 3. */
  pages?: number;
  /** Sentences per page (multiPageContent); defaults to 4. */
  sentencesPerPage?: number;
  /** Adds one bookmark per page (outlineTitle(N) → page N). */
  outline?: boolean;
  title?: string;
}

/** N pages of "Page N" plus multiPageContent(N).sentences; page 2 carries Türkiye, Erdoğan and Қазақстан. */
export async function buildMultiPagePdf(options: MultiPageOptions = {}): Promise<Uint8Array> {
  const count = options.pages ?? 3;
  const ctx = await newDoc(options.title ?? `Generated report (${count} pages)`);
  const pages: PDFPage[] = [];
  for (let n = 1; n <= count; n++) {
    const content = multiPageContent(n, options.sentencesPerPage);
    pages.push(addTextPage(ctx, content.heading, content.sentences));
  }
  if (options.outline) addOutline(ctx.doc, pages.map((page, i) => ({ title: outlineTitle(i + 1), page })));
  return ctx.doc.save();
}

/** The bench document: 300 text-filled pages by default (30 sentences each), one font embed. */
export function buildLargePdf(pages = 300, sentencesPerPage = 30): Promise<Uint8Array> {
  return buildMultiPagePdf({ pages, sentencesPerPage, outline: true, title: `Large generated report (${pages} pages)` });
}

/** One page in two columns (TWO_COLUMN_PAGE). */
export async function buildTwoColumnPdf(): Promise<Uint8Array> {
  const ctx = await newDoc('Two column briefing');
  addTwoColumnPage(ctx);
  return ctx.doc.save();
}

/** One page with a ruled table (TABLE_PAGE). */
export async function buildTablePdf(): Promise<Uint8Array> {
  const ctx = await newDoc('Quarterly grain exports');
  addTablePage(ctx);
  return ctx.doc.save();
}

/** Page 1 is multiPageContent(1), page 2 is ROTATED_PAGE with /Rotate 90. */
export async function buildRotatedPdf(): Promise<Uint8Array> {
  const ctx = await newDoc('Rotated annex');
  addTextPage(ctx, multiPageContent(1).heading, multiPageContent(1).sentences);
  addRotatedPage(ctx);
  return ctx.doc.save();
}

/** Every page an image of `lines` (default SCANNED_LINES): a scanned PDF with no text at all. */
export async function buildScannedPdf(options: { pages?: number; lines?: readonly string[] } = {}): Promise<Uint8Array> {
  const ctx = await newDoc('Scanned memorandum');
  for (let n = 0; n < (options.pages ?? 1); n++) await addScannedPage(ctx, options.lines ?? SCANNED_LINES);
  return ctx.doc.save();
}

/** MIXED_PAGES in order: text (page 1 content), two columns, table, rotated, scanned, text (page 6 content). */
export async function buildMixedPdf(): Promise<Uint8Array> {
  const ctx = await newDoc('Mixed layout report');
  const pages: PDFPage[] = [];
  for (const [i, kind] of MIXED_PAGES.entries()) {
    if (kind === 'text') pages.push(addTextPage(ctx, multiPageContent(i + 1).heading, multiPageContent(i + 1).sentences));
    else if (kind === 'two-column') pages.push(addTwoColumnPage(ctx));
    else if (kind === 'table') pages.push(addTablePage(ctx));
    else if (kind === 'rotated') pages.push(addRotatedPage(ctx));
    else pages.push(await addScannedPage(ctx, SCANNED_LINES));
  }
  addOutline(ctx.doc, pages.map((page, i) => ({ title: outlineTitle(i + 1), page })));
  return ctx.doc.save();
}

/** Pages of one Helvetica line each ('' draws nothing: a blank page), for tests that need only the page map. */
export async function buildPlainPagesPdf(texts: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const t of texts) {
    const page = doc.addPage([400, 600]);
    if (t !== '') page.drawText(t, { x: 40, y: 540, size: 12, font });
  }
  return doc.save();
}
