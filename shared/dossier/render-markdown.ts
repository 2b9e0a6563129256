/** Obsidian-friendly Markdown: YAML front matter with a stable id, quotes as `>` blocks with footnote citations. */
import { RELIABILITY_MEANING, describeGrade } from './admiralty';
import { citationParts } from './citations';
import { captureProof } from './capture-line';
import { dateInWords, longDate } from './dates';
import { escMarkdown, yamlString } from './escape';
import { safeMarkdown } from './markdown-safe';
import type { Citation, EvidenceQuote, GraphEdgeFacts, GraphNodeFacts, ResolvedBlock, ResolvedDossier } from './model';
import { subjectLine } from './render-html';
import { achMarkdown } from './render-ach';

/** An http(s) URL as an autolink; anything else (javascript:, spaces, brackets) as plain escaped text. */
const mdUrl = (url: string): string => (/^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : escMarkdown(url));
const fn = (n: number | null): string => (n === null ? '' : `[^${n}]`);
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A passage as a blockquote; every line keeps its `>` marker. */
function quoteLines(exact: string, note: number | null): string {
  const lines = `“${exact}”`.split(/\r?\n/).map((l) => `> ${escMarkdown(l)}`);
  lines[lines.length - 1] += fn(note);
  return lines.join('\n');
}

/**
 * An area of a PDF page (figure, table) in Markdown: a placeholder line, "[figure: area on p. 12]", with its note. The
 * export is one self-contained .md file, so the crop is not written beside it nor inlined as a data: URI (most Markdown
 * tools strip or choke on large data: images); the HTML and PDF exports carry the image, the JSON export its page and rect.
 */
const areaLine = (page: number, note: number | null): string => `> [figure: area on p. ${page}]${fn(note)}`;

function evidence(e: EvidenceQuote): string {
  if (e.note === null) return `> [!warning] [missing: passage ${escMarkdown(e.highlightId)}] The cited passage has been deleted.`;
  return e.area ? areaLine(e.area.page, e.note) : quoteLines(e.exact, e.note);
}

/** Obsidian tag: letters, digits, - and _ only; never purely numeric. */
function tagOf(name: string): string {
  const t = name.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return /^\d*$/.test(t) ? `entity-${t}` : t;
}

function mermaidLabel(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\r?\n/g, ' ');
}

function graphMermaid(nodes: GraphNodeFacts[], edges: GraphEdgeFacts[]): string {
  const key = new Map(nodes.map((n, i) => [n.id, `n${i + 1}`] as const));
  const lines = ['```mermaid', 'graph LR'];
  for (const n of nodes) lines.push(`  ${key.get(n.id)}["${mermaidLabel(n.name)}"]`);
  for (const e of edges) lines.push(`  ${key.get(e.from)} -->|"${mermaidLabel(e.label)}"| ${key.get(e.to)}`);
  lines.push('```');
  return lines.join('\n');
}

function block(b: ResolvedBlock): string {
  switch (b.kind) {
    case 'text': return safeMarkdown(b.markdown);
    case 'claim': {
      const { claim: c, grade } = b.facts;
      const who = b.facts.claimantName ? escMarkdown(b.facts.claimantName) : 'unattributed';
      const head = `**${grade} · ${capital(c.type)}** — ${who}${c.claimedAt ? `, ${dateInWords(c.claimedAt)}` : ''}`;
      const about = b.facts.aboutNames.length ? `About: ${b.facts.aboutNames.map(escMarkdown).join(' · ')}. ` : '';
      const basis = b.facts.evidence.length ? `Grade ${grade}: ${describeGrade(b.facts.reliability, b.facts.credibility)}.` : 'No passage cited (F).';
      return [head, `**${escMarkdown(c.statement)}**`, ...b.facts.evidence.map(evidence), `*${about}${basis}*`].join('\n\n');
    }
    case 'relationship': {
      const f = b.facts;
      const meta = [f.dates, `confidence ${Math.round(f.relationship.confidence * 100)} %`].filter(Boolean).join('; ');
      const claims = f.evidenceClaims.map((c) => `- Supported by claim **${c.grade}**: ${escMarkdown(c.statement)}${c.notes.map(fn).join('')}`);
      const note = f.relationship.note.trim() ? [`*Analyst’s note: ${escMarkdown(f.relationship.note)}*`] : [];
      return [`**${escMarkdown(f.fromName)}** — ${escMarkdown(f.label)} → **${escMarkdown(f.toName)}** (${meta})`,
        ...f.evidence.map(evidence), ...(claims.length ? [claims.join('\n')] : []), ...note].join('\n\n');
    }
    case 'quote': {
      const mentions = b.entityNames.length ? `\n>\n> — mentions ${b.entityNames.map(escMarkdown).join(', ')}` : '';
      const note = b.highlight.note.trim() ? `\n\n*Analyst’s note: ${escMarkdown(b.highlight.note)}*` : '';
      return `${evidence(b.evidence)}${mentions}${note}`;
    }
    case 'entity': {
      const e = b.entity;
      const out = [`### ${escMarkdown(e.name)} (${e.type})`];
      if (e.aliases.length) out.push(`Also known as: ${e.aliases.map(escMarkdown).join(', ')}`);
      if (e.description.trim()) out.push(escMarkdown(e.description));
      const rels = b.relationships.map((r) => `- ${escMarkdown(r.outgoing ? `${e.name} ${r.label} ${r.otherName}` : `${r.otherName} ${r.label} ${e.name}`)}${r.dates ? ` (${r.dates})` : ''}`);
      if (b.moreRelationships) rels.push(`- and ${b.moreRelationships} more`);
      if (rels.length) out.push(rels.join('\n'));
      return out.join('\n\n');
    }
    case 'graph': return b.edges.length ? graphMermaid(b.nodes, b.edges) : '*No relationships to draw.*';
    case 'timeline':
      return b.events.length
        ? b.events.map((e) => `- **${e.when}** · ${e.kind}${e.grade ? ` · ${e.grade}` : ''} · ${escMarkdown(e.text)}${e.notes.map(fn).join('')}`).join('\n')
        : '*No dated claims or relationships.*';
    case 'ach': return achMarkdown(b.facts);
    case 'missing': return `> [!warning] [missing: ${escMarkdown(b.what)}] The record this block referred to no longer exists.`;
  }
}

function footnote(c: Citation): string {
  const p = citationParts(c);
  const details = p.details.length ? `, ${p.details.map(escMarkdown).join(', ')}` : '';
  const what = c.area ? 'image of an area of the page' : `“${escMarkdown(p.opening)}”`;
  return `[^${c.n}]: *${escMarkdown(p.title)}*${details}.${p.url ? ` ${mdUrl(p.url)}.` : ''} ${p.location}: ${what}` +
    (p.capture ? ` — ${escMarkdown(p.capture)}` : '');
}

export function renderDossierMarkdown(d: ResolvedDossier): string {
  const x = d.dossier;
  const subjects = [...d.subjects.map((s) => s.name), ...d.missingSubjectIds.map(() => '[missing entity]')];
  const front = [
    '---',
    `id: ${yamlString(x.id)}`,
    `title: ${yamlString(x.title)}`,
    subjects.length ? `subjects:\n${subjects.map((s) => `  - ${yamlString(s)}`).join('\n')}` : 'subjects: []',
    `author: ${yamlString(x.author)}`,
    `created: ${yamlString(x.createdAt)}`,
    `updated: ${yamlString(x.updatedAt)}`,
    `exported: ${yamlString(d.generatedAt)}`,
    `tags:\n${['dossier', ...d.subjects.map((s) => tagOf(s.name))].map((t) => `  - ${yamlString(t)}`).join('\n')}`,
    '---',
  ].join('\n');
  const byline = [subjectLine(d) && `Subject: ${escMarkdown(subjectLine(d))}`, x.author.trim() && `Author: ${escMarkdown(x.author)}`, `Prepared ${longDate(d.generatedAt)}`]
    .filter(Boolean).join(' · ');
  const sections = d.sections.map((s, i) => [`## ${i + 1} ${escMarkdown(s.title)}`, ...(s.blocks.length ? s.blocks.map(block) : ['*This section is empty.*'])].join('\n\n'));
  const sources = d.bibliography.map(({ source: s, notes }) => {
    const m = s.meta;
    const parts = [m.authors.filter(Boolean).join(', '), m.publisher, m.publishedAt].filter((p) => p.trim()).map(escMarkdown);
    return `- *${escMarkdown(m.title || s.fileName || 'Untitled source')}*${parts.length ? `. ${parts.join(', ')}` : ''}.${m.url.trim() ? ` ${mdUrl(m.url.trim())}.` : ''}` +
      ` Reliability **${s.reliability}** (${RELIABILITY_MEANING[s.reliability]}); notes ${notes.join(', ')}.` +
      (s.capture ? ` ${escMarkdown(captureProof(s))}` : '');
  });
  return [
    front, '', `# ${escMarkdown(x.title)}`, '', `*${byline}*`, '', sections.join('\n\n'), '',
    '## Sources', '', sources.length ? sources.join('\n') : '*No sources are cited.*', '',
    ...(d.citations.length ? [d.citations.map(footnote).join('\n'), ''] : []),
  ].join('\n');
}
