/** HTML for each kind of dossier block (ACH matrices in render-ach.ts); every value from user data goes through escHtml. */
import { CREDIBILITY_MEANING, RELIABILITY_MEANING, describeGrade } from './admiralty';
import { escHtml, escHtmlLines } from './escape';
import { renderGraphSvg } from './graph-svg';
import { markdownToHtml } from './markdown-text';
import type { Citation, CitedArea, ClaimFacts, EvidenceQuote, RelationshipFacts, ResolvedBlock } from './model';
import { areaLabel } from './pages';
import { noteRef, noteRefs } from './note-ref';
import { achHtml } from './render-ach';
import { dateInWords } from './dates';

export { noteRef };
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function missing(what: string, why = 'The record this block referred to no longer exists.'): string {
  return `<div class="missing">[missing: ${escHtml(what)}] ${escHtml(why)}</div>`;
}

/** Only an image data: URI is embedded (the dossier may load nothing else, and the value must not break out of the attribute). */
const SAFE_IMAGE = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;

/** An area of a page: its crop when readable, and "Area on p. N" where the quote would be. */
export function areaHtml(area: CitedArea, note: number | null): string {
  const label = escHtml(areaLabel(area));
  const img = area.image !== null && SAFE_IMAGE.test(area.image) ? `<img src="${area.image}" alt="${label}">` : '';
  return `${img}<span class="area-label">${label}${img ? '' : ' (image not available)'}</span>${noteRef(note)}`;
}

function evidenceHtml(e: EvidenceQuote): string {
  if (e.note === null) return missing(`passage ${e.highlightId}`, 'The cited passage has been deleted.');
  if (e.area) return `<div class="evidence area">${areaHtml(e.area, e.note)}</div>`;
  return `<blockquote class="evidence">“${escHtmlLines(e.exact)}”${noteRef(e.note)}</blockquote>`;
}

function gradeBadge(grade: string, meaning: string): string {
  return `<span class="grade r-${escHtml(grade.charAt(0))}" title="${escHtml(meaning)}">${escHtml(grade)}</span>`;
}

function claimHtml(f: ClaimFacts): string {
  const c = f.claim;
  const head = [
    gradeBadge(f.grade, describeGrade(f.reliability, f.credibility)),
    `<span>${escHtml(capital(c.type))}</span>`,
    f.claimantName ? `<span>by ${escHtml(f.claimantName)}</span>` : '<span>unattributed</span>',
    c.claimedAt ? `<span>${escHtml(dateInWords(c.claimedAt))}</span>` : '',
  ].join('');
  const about = f.aboutNames.length > 0 ? `<p class="about">About: ${f.aboutNames.map(escHtml).join(' · ')}</p>` : '';
  const basis = f.evidence.length === 0
    ? `<p class="about">No passage cited, so the source cannot be judged (F).</p>`
    : `<p class="about">Grade ${escHtml(f.grade)}: ${escHtml(describeGrade(f.reliability, f.credibility))}.</p>`;
  return `<div class="block card claim"><div class="head">${head}</div><p class="statement">${escHtml(c.statement)}</p>` +
    `${f.evidence.map(evidenceHtml).join('')}${about}${basis}</div>`;
}

function relationshipHtml(f: RelationshipFacts): string {
  const r = f.relationship;
  const head = [
    f.dates ? `<span>${escHtml(f.dates)}</span>` : '<span>undated</span>',
    `<span>confidence ${Math.round(r.confidence * 100)} %</span>`,
  ].join('');
  const line = `<p class="rel-line">${escHtml(f.fromName)} <span class="label">— ${escHtml(f.label)} →</span> ${escHtml(f.toName)}</p>`;
  const claims = f.evidenceClaims.map((c) =>
    `<p class="support">Supported by claim ${gradeBadge(c.grade, '')} ${escHtml(c.statement)}${noteRefs(c.notes)}</p>`).join('');
  const none = f.evidence.length === 0 && f.evidenceClaims.length === 0 ? '<p class="about">No evidence cited for this relationship.</p>' : '';
  const note = r.note.trim() ? `<p class="about">Analyst’s note: ${escHtml(r.note)}</p>` : '';
  return `<div class="block card relationship"><div class="head">${head}</div>${line}${f.evidence.map(evidenceHtml).join('')}${claims}${none}${note}</div>`;
}

function quoteHtml(b: Extract<ResolvedBlock, { kind: 'quote' }>, citation: Citation | undefined): string {
  const where = citation
    ? [citation.source?.meta.title || '[missing source]', citation.source?.meta.publisher ?? '', citation.source?.meta.publishedAt ?? '', citation.location]
        .filter((s) => s.trim() !== '').map(escHtml).join(' · ')
    : '';
  const about = b.entityNames.length > 0 ? ` — mentions ${b.entityNames.map(escHtml).join(', ')}` : '';
  const note = b.highlight.note.trim() ? `<p class="analyst-note">Analyst’s note: ${escHtmlLines(b.highlight.note)}</p>` : '';
  const area = b.evidence.area ?? citation?.area;
  const body = area ? `<div class="area">${areaHtml(area, null)}</div>` : `<p>“${escHtmlLines(b.highlight.quote.exact)}”</p>`;
  return `<figure class="block quote"><blockquote>${body}</blockquote>` +
    `<figcaption>${where}${about}${noteRef(b.evidence.note)}</figcaption>${note}</figure>`;
}

function entityHtml(b: Extract<ResolvedBlock, { kind: 'entity' }>): string {
  const e = b.entity;
  const aliases = e.aliases.length > 0 ? `<p class="about">Also known as: ${e.aliases.map(escHtml).join(', ')}</p>` : '';
  const description = e.description.trim() ? `<p>${escHtmlLines(e.description)}</p>` : '';
  const rels = b.relationships.map((r) => {
    const sentence = r.outgoing ? `${e.name} ${r.label} ${r.otherName}` : `${r.otherName} ${r.label} ${e.name}`;
    return `<li>${escHtml(sentence)}${r.dates ? ` <span class="muted">(${escHtml(r.dates)})</span>` : ''}</li>`;
  }).join('');
  const more = b.moreRelationships > 0 ? `<li class="muted">and ${b.moreRelationships} more</li>` : '';
  const list = rels ? `<p class="about">Key relationships</p><ul>${rels}${more}</ul>` : '';
  return `<div class="block card entity"><h3>${escHtml(e.name)} <span class="type">${escHtml(e.type)}</span></h3>${aliases}${description}${list}</div>`;
}

function graphHtml(b: Extract<ResolvedBlock, { kind: 'graph' }>): string {
  if (b.edges.length === 0) return '<p class="block empty">No relationships to draw.</p>';
  const focus = b.nodes.filter((n) => n.focus).map((n) => n.name);
  const of = focus.length > 0 ? ` of ${focus.join(' and ')}` : '';
  const hidden = b.hiddenNodes > 0 ? `; ${b.hiddenNodes} more entities not shown` : '';
  const caption = `Relationships${of}: ${b.nodes.length} entities, ${b.edges.length} relationships${hidden}.`;
  return `<figure class="block figure">${renderGraphSvg(b.nodes, b.edges, b.id, caption)}<figcaption>${escHtml(caption)}</figcaption></figure>`;
}

function timelineHtml(b: Extract<ResolvedBlock, { kind: 'timeline' }>): string {
  if (b.events.length === 0) return '<p class="block empty">No dated claims or relationships.</p>';
  const items = b.events.map((e) =>
    `<li><time>${escHtml(e.when)}</time><span class="kind">${e.kind}</span>${e.grade ? `${gradeBadge(e.grade, '')} ` : ''}` +
    `${escHtml(e.text)}${noteRefs(e.notes)}</li>`).join('');
  return `<ol class="block timeline">${items}</ol>`;
}

/** One block; `citations` are looked up by note number for quote captions. */
export function blockHtml(b: ResolvedBlock, citations: readonly Citation[]): string {
  switch (b.kind) {
    case 'text': return `<div class="block text">${markdownToHtml(b.markdown)}</div>`;
    case 'claim': return claimHtml(b.facts);
    case 'relationship': return relationshipHtml(b.facts);
    case 'quote': return quoteHtml(b, b.evidence.note === null ? undefined : citations[b.evidence.note - 1]);
    case 'entity': return entityHtml(b);
    case 'graph': return graphHtml(b);
    case 'timeline': return timelineHtml(b);
    case 'ach': return achHtml(b.facts);
    case 'missing': return `<div class="block">${missing(b.what)}</div>`;
  }
}

/** The grading key printed with the sources. */
export function gradingKeyHtml(): string {
  const rows = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `<tr><th>${k}</th><td>${escHtml(v)}</td></tr>`).join('');
  return `<h3>Grading key (Admiralty system)</h3><p class="lead">A claim’s grade is the best reliability among the sources of its cited passages, followed by the credibility the analyst assessed.</p>` +
    `<table class="key"><tr><th colspan="2">Source reliability</th></tr>${rows(RELIABILITY_MEANING)}</table>` +
    `<table class="key"><tr><th colspan="2">Information credibility</th></tr>${rows(CREDIBILITY_MEANING)}</table>`;
}
