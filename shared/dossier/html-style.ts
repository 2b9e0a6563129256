/** The dossier's one stylesheet: screen preview and A4 print (cover, contents, sections flowing or a page each, endnotes). */

const SERIF = `"DejaVu Serif", "Noto Serif", "Liberation Serif", Georgia, "Times New Roman", serif`;
const SANS = `"DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, Helvetica, sans-serif`;

export const DOSSIER_CSS = `
:root { --ink: #1d2126; --muted: #5f6670; --rule: #d5d9de; --accent: #1f3a5f; --paper: #ffffff; --tint: #f4f6f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--paper); color: var(--ink); font-family: ${SERIF}; font-size: 10pt; line-height: 1.5;
  hyphens: auto; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6, .sans { font-family: ${SANS}; color: var(--accent); line-height: 1.25; }
h3 { font-size: 11.5pt; margin: 1.2em 0 0.4em; }
h4, h5, h6 { font-size: 10pt; margin: 1em 0 0.3em; }
p { margin: 0 0 0.7em; }
a { color: var(--accent); text-decoration: none; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; background: var(--tint); padding: 0 2px; }
table { border-collapse: collapse; }
.muted { color: var(--muted); }
.raw-html { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; color: var(--muted); }
.img-alt { color: var(--muted); font-style: italic; }

/* Cover */
.cover { display: flex; flex-direction: column; min-height: 238mm; padding: 18mm 4mm 0; }
.cover .kicker { font-family: ${SANS}; font-size: 9pt; letter-spacing: 0.3em; text-transform: uppercase; color: var(--muted);
  border-top: 3pt solid var(--accent); padding-top: 5mm; }
.cover h1 { font-size: 28pt; margin: 10mm 0 4mm; line-height: 1.15; }
.cover .subject { font-family: ${SANS}; font-size: 12pt; color: var(--ink); margin: 0; }
.cover .spacer { flex: 1; }
.cover table.meta { font-family: ${SANS}; font-size: 9pt; margin-bottom: 6mm; }
.cover table.meta th { text-align: left; font-weight: normal; color: var(--muted); padding: 1.2mm 8mm 1.2mm 0; vertical-align: top; }
.cover table.meta td { padding: 1.2mm 0; }
.cover .method { font-size: 8.5pt; color: var(--muted); border-top: 0.75pt solid var(--rule); padding-top: 3mm; }

/* Contents: a page of its own, between the cover and the sections */
.toc { break-before: page; break-after: page; }
.toc h2, .chapter > h2, .lead-in > h2 { font-size: 17pt; margin: 0 0 6mm; padding-bottom: 2.5mm; border-bottom: 1pt solid var(--accent); }
.toc ol { list-style: none; padding: 0; margin: 0; font-family: ${SANS}; font-size: 10.5pt; }
.toc li a { display: flex; align-items: baseline; padding: 1.6mm 0; color: var(--ink); }
.toc .num { width: 9mm; color: var(--accent); font-weight: bold; }
.toc .dots { flex: 1; border-bottom: 0.75pt dotted #9aa1a9; margin: 0 2mm; transform: translateY(-1mm); }
.toc .page { min-width: 8mm; text-align: right; color: var(--muted); }

/* Sections: short ones flow on (body.flowing), or each starts a new page (body.page-per-section); notes always do */
.chapter { margin-top: 12mm; }
.pages > .chapter:first-child, #notes { margin-top: 0; }
#notes, .page-per-section .chapter { break-before: page; margin-top: 0; }
/* No heading alone at a page end: it stays with its first lines, or with a whole first card, quote or figure. */
h2, h3, h4, h5, h6 { break-after: avoid; }
.lead-in.whole { break-inside: avoid; }
.block.text p { orphans: 3; widows: 2; }
.chapter h2 .num { color: var(--muted); font-weight: normal; margin-right: 3mm; }
.block { margin: 0 0 5mm; }
.empty { color: var(--muted); font-style: italic; }
.noteref { font-family: ${SANS}; font-size: 7pt; vertical-align: super; line-height: 0; color: var(--accent); margin-left: 0.5pt; }

/* Quotes */
blockquote { margin: 0; }
.quote blockquote, .evidence { font-size: 10.5pt; border-left: 2.5pt solid #b08d2e; padding: 1mm 0 1mm 5mm; margin: 0 0 1.5mm; }
.quote figcaption { font-family: ${SANS}; font-size: 8pt; color: var(--muted); padding-left: 5.5mm; }
.quote figure, figure.quote { margin: 0 0 5mm; break-inside: avoid; }
.analyst-note { font-family: ${SANS}; font-size: 8.5pt; padding-left: 5.5mm; margin-top: 1mm; }

/* Claims, relationships, entity cards */
.card { background: var(--tint); border-left: 3pt solid var(--accent); padding: 3mm 4mm 2mm; break-inside: avoid; }
.card .head { font-family: ${SANS}; font-size: 8pt; color: var(--muted); margin-bottom: 1.5mm; display: flex; flex-wrap: wrap; gap: 1mm 3mm; align-items: baseline; }
.grade { font-family: ${SANS}; font-weight: bold; font-size: 8.5pt; color: #fff; background: var(--accent); border-radius: 2pt; padding: 0.3mm 1.6mm; }
.grade.r-C, .grade.r-D { background: #8a6d1d; }
.grade.r-E, .grade.r-F { background: #7a7f86; }
.statement { font-size: 11pt; font-weight: bold; margin: 0 0 2mm; }
.card .evidence { font-size: 9.5pt; background: #fff; }
/* An area of a PDF page (figure, table) cited as evidence: its crop, framed, never wider than the column or split. */
.area { break-inside: avoid; }
.area img { display: block; max-width: 100%; max-height: 9cm; border: 0.5pt solid #c9c3b5; margin: 1mm 0; }
.area .area-label { font-family: ${SANS}; font-size: 8pt; color: var(--muted); }
.card .about, .card .support { font-family: ${SANS}; font-size: 8pt; color: var(--muted); margin: 1mm 0; }
.rel-line { font-family: ${SANS}; font-size: 11pt; font-weight: bold; margin: 0 0 1.5mm; }
.rel-line .label { font-weight: normal; color: var(--accent); }
.entity h3 { margin: 0 0 1mm; }
.entity .type { font-family: ${SANS}; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
.entity ul { margin: 1mm 0 1mm; padding-left: 5mm; font-size: 9pt; }
.missing { border: 1pt dashed #c92a2a; color: #a61e1e; background: #fff5f5; padding: 2mm 3mm; font-family: ${SANS}; font-size: 8.5pt; }

/* Graph and timeline */
.figure { margin: 0 0 5mm; break-inside: avoid; }
.figure figcaption { font-family: ${SANS}; font-size: 8pt; color: var(--muted); margin-top: 1mm; }
svg.graph { width: 100%; height: auto; border: 0.75pt solid var(--rule); background: #fcfcfd; }
svg.graph .g-edge path { stroke: #8a9096; stroke-width: 1.1; fill: none; }
svg.graph .g-lbg, svg.graph .g-nbg { fill: #fcfcfd; }
svg.graph .g-nbg { opacity: 0.9; }
svg.graph text { font-family: ${SANS}; text-anchor: middle; }
svg.graph .g-elabel { font-size: 8px; fill: #495057; }
svg.graph .g-nlabel { font-size: 10.5px; fill: #1d2126; }
svg.graph .g-focus .g-nlabel { font-weight: bold; font-size: 11.5px; }
svg.graph .g-node circle { stroke: #fff; stroke-width: 1.5; }
svg.graph .g-legend { font-size: 9px; fill: #5f6670; text-anchor: start; }
.timeline { list-style: none; margin: 0 0 0 2mm; padding: 0; border-left: 1.5pt solid var(--rule); }
.timeline li { position: relative; padding: 0 0 3mm 5mm; break-inside: avoid; }
.timeline li::before { content: ""; position: absolute; left: -1.8mm; top: 1.3mm; width: 3mm; height: 3mm; border-radius: 50%; background: var(--accent); }
.timeline time { font-family: ${SANS}; font-weight: bold; font-size: 9pt; color: var(--accent); margin-right: 2mm; }
.timeline .kind { font-family: ${SANS}; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin-right: 2mm; }

/* ACH matrix: ratings as letters (the meaning in black and white), lightly shaded; the header repeats on each page */
.ach h3 { margin: 0 0 1mm; }
.ach .question { font-style: italic; margin: 0 0 2mm; }
/* Fixed layout: every hypothesis column gets the same width, however long its label. */
table.ach-matrix { width: 100%; table-layout: fixed; font-family: ${SANS}; font-size: 8pt; margin: 1mm 0 1.5mm; }
table.ach-matrix th, table.ach-matrix td { border: 0.5pt solid #c3c8ce; padding: 1mm 1.5mm; vertical-align: top; }
table.ach-matrix thead th { background: var(--tint); color: var(--accent); text-align: center; font-weight: bold; }
table.ach-matrix thead th.ev { text-align: left; width: 42%; }
table.ach-matrix th.ev { text-align: left; font-weight: normal; font-family: ${SERIF}; font-size: 8.5pt; }
table.ach-matrix .code { font-family: ${SANS}; font-weight: bold; color: var(--accent); margin-right: 1mm; }
table.ach-matrix thead th.h { font-weight: normal; color: var(--ink); font-size: 7.5pt; }
table.ach-matrix tr { break-inside: avoid; }
table.ach-matrix thead th.g { width: 15mm; }
table.ach-matrix td.g { white-space: nowrap; text-align: center; }
table.ach-matrix td.g .w { display: block; color: var(--muted); font-size: 7pt; margin-top: 0.5mm; }
table.ach-matrix td.r { text-align: center; vertical-align: middle; font-weight: bold; font-size: 9pt; }
/* td.r-… only: .grade.r-C is a reliability badge. */
table.ach-matrix td.r-CC { background: #cfe6d3; } table.ach-matrix td.r-C { background: #e9f4eb; } table.ach-matrix td.r-N { color: #5f6670; }
table.ach-matrix td.r-I { background: #f7e3e3; } table.ach-matrix td.r-II { background: #eac3c3; }
table.ach-matrix td.r-none { color: #9aa1a9; font-weight: normal; }
table.ach-matrix tr.not-diagnostic th.ev { color: var(--muted); }
table.ach-matrix .nd { font-family: ${SANS}; font-size: 6.5pt; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
  border: 0.5pt solid #9aa1a9; border-radius: 2pt; padding: 0 1mm; margin-left: 1mm; white-space: nowrap; }
table.ach-matrix tfoot th { text-align: right; font-weight: normal; color: var(--muted); }
table.ach-matrix tfoot td { text-align: center; }
table.ach-matrix tfoot td.lead { font-weight: bold; color: var(--accent); background: var(--tint); }
.ach .key { font-family: ${SANS}; font-size: 7pt; color: var(--muted); margin: 0 0 2mm; }
.ach .leader { font-weight: bold; margin: 0 0 1.5mm; }
.ach .sub { font-family: ${SANS}; font-size: 8pt; color: var(--muted); margin: 0 0 1mm; }
.ach .sens, .ach .hyps { margin: 0 0 1mm; padding-left: 5mm; font-size: 9pt; }

/* Notes and sources */
.endnotes { font-size: 8.5pt; line-height: 1.4; padding-left: 7mm; margin: 0; }
.endnotes li { margin-bottom: 2mm; break-inside: avoid; }
.endnotes .where { font-family: ${SANS}; font-size: 8pt; }
.url { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; overflow-wrap: anywhere; }
.lead { font-family: ${SANS}; font-size: 8.5pt; color: var(--muted); margin: 0 0 4mm; }
.sources { list-style: none; padding: 0; margin: 0 0 6mm; font-size: 9pt; }
.sources li { margin-bottom: 3mm; break-inside: avoid; }
.sources .rel { font-family: ${SANS}; font-size: 8pt; }
table.key { font-size: 8.5pt; width: 100%; margin-top: 2mm; break-inside: avoid; }
table.key th, table.key td { text-align: left; padding: 0.8mm 2mm; border-bottom: 0.5pt solid var(--rule); vertical-align: top; }
table.key th { font-family: ${SANS}; color: var(--accent); width: 10mm; }
table.key th[colspan] { width: auto; color: var(--ink); padding-top: 3mm; }

@page { size: A4; }
@media screen {
  body { background: #e9ecef; padding: 8mm 0; }
  .cover, .toc, .flowing .pages, .page-per-section .chapter {
    background: var(--paper); max-width: 210mm; margin: 0 auto 8mm; padding: 18mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
  /* Flowing: one long sheet; the notes still begin a new page in print, shown by a dashed rule. */
  .flowing #notes { margin-top: 14mm; padding-top: 10mm; border-top: 1pt dashed var(--rule); }
  .cover { min-height: 0; }
  .cover .spacer { min-height: 30mm; }
}
`;
