/** The ONE HTML rendering of a dossier: standalone (inline CSS, no scripts, no external resources), for preview, HTML export and PDF. */
import { RELIABILITY_MEANING } from './admiralty';
import { citationParts } from './citations';
import { captureProof } from './capture-line';
import { longDate } from './dates';
import { escHtml } from './escape';
import { DOSSIER_CSS } from './html-style';
import type { Citation, ResolvedBlock, ResolvedDossier, ResolvedSection } from './model';
import { blockHtml, gradingKeyHtml } from './render-blocks';

export interface HtmlOptions {
  /** Start page of each TOC entry by anchor (s-1 …, notes, sources), when a first print pass found them. */
  tocPages?: Readonly<Record<string, number>>;
}

/** The heading text of section i (1-based), also what the PDF outline shows. */
export const sectionHeading = (i: number, title: string): string => `${i} ${title}`;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Nothing may load: no scripts, no network, only inline styles and data: images. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function subjectLine(d: ResolvedDossier): string {
  const names = [...d.subjects.map((s) => s.name), ...d.missingSubjectIds.map(() => '[missing entity]')];
  return names.join(' · ');
}

function cover(d: ResolvedDossier): string {
  const subject = subjectLine(d);
  const rows: Array<[string, string]> = [
    ['Author', d.dossier.author.trim() || '—'],
    ['Prepared', longDate(d.generatedAt)],
    ['Contents', [plural(d.sections.length, 'section'), plural(d.citations.length, 'note'), plural(d.bibliography.length, 'source')].join(' · ')],
    ['Reference', d.dossier.id],
  ];
  return `<section class="cover"><div class="kicker">Dossier</div><h1>${escHtml(d.dossier.title)}</h1>` +
    (subject ? `<p class="subject">Subject: ${escHtml(subject)}</p>` : '') +
    `<div class="spacer"></div><table class="meta">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${escHtml(v)}</td></tr>`).join('')}</table>` +
    `<p class="method">Every quotation and claim carries a numbered note citing the exact passage it rests on: source, ` +
    `page (in a PDF), paragraph and character offsets. Claims are graded on the Admiralty scale (source reliability A–F, information ` +
    `credibility 1–6); the key is printed with the sources.</p></section>`;
}

function toc(d: ResolvedDossier, pages: Readonly<Record<string, number>> | undefined): string {
  const entry = (anchor: string, num: string, title: string) => {
    const page = pages?.[anchor];
    return `<li><a href="#${anchor}"><span class="num">${num}</span><span class="title">${escHtml(title)}</span>` +
      `<span class="dots"></span><span class="page">${page === undefined ? '' : page}</span></a></li>`;
  };
  const items = d.sections.map((s, i) => entry(s.anchor, String(i + 1), s.title));
  items.push(entry('notes', '', 'Notes'), entry('sources', '', 'Sources'));
  return `<nav class="toc"><h2>Contents</h2><ol>${items.join('')}</ol></nav>`;
}

/** A URL as text, linked only when it is http(s). */
function urlHtml(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a class="url" href="${escHtml(url)}">${escHtml(url)}</a>` : `<span class="url">${escHtml(url)}</span>`;
}

function noteHtml(c: Citation): string {
  const p = citationParts(c);
  const details = p.details.length > 0 ? `, ${p.details.map(escHtml).join(', ')}` : '';
  const url = p.url ? ` ${urlHtml(p.url)}.` : '';
  const capture = p.capture ? ` — <span class="capture">${escHtml(p.capture)}</span>` : '';
  const what = c.area ? 'image of an area of the page' : `“${escHtml(p.opening)}”`;
  return `<li id="note-${c.n}"><i>${escHtml(p.title)}</i>${details}.${url} <span class="where">${escHtml(p.location)}</span>: ` +
    `${what}${capture}</li>`;
}

function notes(d: ResolvedDossier): string {
  const body = d.citations.length === 0
    ? '<p class="empty">No passages are cited.</p>'
    : `<ol class="endnotes">${d.citations.map(noteHtml).join('')}</ol>`;
  return `<section class="chapter" id="notes"><h2>Notes</h2><p class="lead">Locations give the page of a PDF, the ` +
    `paragraph and the character offsets (UTF-16 code units, end exclusive) in the source text as imported.</p>${body}</section>`;
}

function sources(d: ResolvedDossier): string {
  const items = d.bibliography.map(({ source, notes: ns }) => {
    const m = source.meta;
    const parts = [m.authors.filter(Boolean).join(', '), m.publisher, m.publishedAt].filter((s) => s.trim() !== '').map(escHtml);
    const url = m.url.trim() ? ` ${urlHtml(m.url.trim())}.` : '';
    return `<li><i>${escHtml(m.title.trim() || source.fileName || 'Untitled source')}</i>${parts.length ? `. ${parts.join(', ')}` : ''}.${url}<br>` +
      `<span class="rel"><span class="grade r-${source.reliability}">${source.reliability}</span> ${escHtml(RELIABILITY_MEANING[source.reliability])}` +
      ` · cited in note${ns.length > 1 ? 's' : ''} ${ns.join(', ')}</span>` +
      `${source.capture ? `<br><span class="capture">${escHtml(captureProof(source))}</span>` : ''}</li>`;
  }).join('');
  const list = items ? `<ul class="sources">${items}</ul>` : '<p class="empty">No sources are cited.</p>';
  return `<section class="chapter" id="sources"><h2>Sources</h2>${list}${gradingKeyHtml()}</section>`;
}

/** Blocks that print whole (cards, quotes, figures): a heading is kept on their page by keeping the pair together. */
const UNBROKEN: ReadonlySet<ResolvedBlock['kind']> = new Set(['claim', 'quote', 'relationship', 'entity', 'graph', 'missing']);

/**
 * A section: its heading and first block are wrapped together so the heading never ends a page alone
 * (with a text block, the heading keeps at least its first lines; with a card, the whole card).
 */
function chapter(d: ResolvedDossier, s: ResolvedSection, i: number): string {
  const heading = `<h2><span class="num">${i + 1}</span> ${escHtml(s.title)}</h2>`;
  const [first, ...rest] = s.blocks.length === 0 ? ['<p class="empty">This section is empty.</p>'] : s.blocks.map((b) => blockHtml(b, d.citations));
  const whole = s.blocks[0] !== undefined && UNBROKEN.has(s.blocks[0].kind);
  return `<section class="chapter" id="${s.anchor}"><div class="lead-in${whole ? ' whole' : ''}">${heading}\n${first}</div>` +
    `${rest.length > 0 ? `\n${rest.join('\n')}` : ''}</section>`;
}

/** The standalone document. */
export function renderDossierHtml(d: ResolvedDossier, opts: HtmlOptions = {}): string {
  const chapters = d.sections.map((s, i) => chapter(d, s, i)).join('\n');
  // The dossier's own choice, so the preview, the HTML file and the PDF all break pages alike.
  const layout = d.dossier.newPagePerSection === true ? 'page-per-section' : 'flowing';
  const author = d.dossier.author.trim();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escHtml(d.dossier.title)}</title>
${author ? `<meta name="author" content="${escHtml(author)}">\n` : ''}<meta name="generator" content="Analyst Workbench">
<style>${DOSSIER_CSS}</style>
</head>
<body class="${layout}">
${cover(d)}
${toc(d, opts.tocPages)}
<main class="pages">
${chapters}
${notes(d)}
${sources(d)}
</main>
</body>
</html>
`;
}
