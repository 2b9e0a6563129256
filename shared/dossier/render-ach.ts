/** An ACH matrix block in HTML and Markdown: hypotheses × evidence with ratings as letters, scores, the leader, sensitivity. */
import type { AchRatingValue } from '../domain/types';
import { score } from './ach-facts';
import { escHtml, escHtmlLines, escMarkdown } from './escape';
import type { AchFacts, AchRowFacts } from './model';
import { noteRefs } from './note-ref';

/** The printed key: the letters carry the meaning, so the table reads in black and white; the shading only helps. */
const RATING_MEANING: Record<AchRatingValue, string> = {
  CC: 'very consistent', C: 'consistent', N: 'neutral or not applicable', I: 'inconsistent', II: 'very inconsistent',
};
const KEY = `${(Object.keys(RATING_MEANING) as AchRatingValue[]).map((r) => `${r} ${RATING_MEANING[r]}`).join(' · ')} · – not rated (counts as N). ` +
  'Each I counts 1 and each II 2, times the weight of the evidence from its Admiralty grade; the hypothesis with the lowest ' +
  'weighted inconsistency is the most likely (Heuer). Evidence marked not diagnostic weighs the same against every hypothesis.';

const notesOf = (r: AchRowFacts): number[] => r.evidence.flatMap((e) => (e.note === null ? [] : [e.note]));
const heading = (f: AchFacts): string => `Analysis of competing hypotheses: ${f.matrix.title}`;

function cellHtml(rating: AchRatingValue | null): string {
  return rating === null ? '<td class="r r-none" title="not rated">–</td>' : `<td class="r r-${rating}" title="${RATING_MEANING[rating]}">${rating}</td>`;
}

function rowHtml(r: AchRowFacts): string {
  const nd = r.diagnostic ? '' : ' <span class="nd">not diagnostic</span>';
  return `<tr${r.diagnostic ? '' : ' class="not-diagnostic"'}><th class="ev" scope="row"><span class="code">${r.code}</span> ` +
    `${escHtml(r.label)}${noteRefs(notesOf(r))}${nd}</th><td class="g"><span class="grade r-${escHtml(r.grade.charAt(0))}">${escHtml(r.grade)}</span>` +
    `<span class="w">×${r.weight.toFixed(2)}</span></td>${r.ratings.map(cellHtml).join('')}</tr>`;
}

function tableHtml(f: AchFacts): string {
  const lead = (rank: number) => (rank === 1 ? ' class="lead"' : '');
  const head = f.hypotheses.map((h) => `<th class="h" scope="col"><span class="code">${h.code}</span> ${escHtml(h.label)}</th>`).join('');
  const scores = f.hypotheses.map((h) => `<td${lead(h.rank)}>${score(h.inconsistency)}</td>`).join('');
  const ranks = f.hypotheses.map((h) => `<td${lead(h.rank)}>${h.rank}</td>`).join('');
  return `<table class="ach-matrix"><thead><tr><th class="ev" scope="col">Evidence</th><th class="g" scope="col">Grade</th>${head}</tr></thead>` +
    `<tbody>${f.rows.map(rowHtml).join('')}</tbody>` +
    `<tfoot><tr><th colspan="2" scope="row">Weighted inconsistency</th>${scores}</tr><tr><th colspan="2" scope="row">Rank</th>${ranks}</tr></tfoot></table>`;
}

export function achHtml(f: AchFacts): string {
  const question = f.matrix.question.trim() ? `<p class="question">Question: ${escHtmlLines(f.matrix.question)}</p>` : '';
  const hypotheses = f.rows.length === 0 && f.hypotheses.length > 0
    ? `<ol class="hyps">${f.hypotheses.map((h) => `<li>${h.code} ${escHtml(h.label)}</li>`).join('')}</ol>` : '';
  const table = f.rows.length > 0 && f.hypotheses.length > 0 ? `${tableHtml(f)}<p class="key">${escHtml(KEY)}</p>` : hypotheses;
  const sens = f.sensitivity.length > 0
    ? `<p class="sub">Sensitivity: the leader changes with these single items</p><ul class="sens">${f.sensitivity.map((s) => `<li>${escHtml(s.text)}</li>`).join('')}</ul>`
    : f.rows.length > 0 && f.hypotheses.length > 1 ? '<p class="sub">Sensitivity: no single item, removed or read the other way, changes the leader.</p>' : '';
  return `<div class="block ach"><h3>${escHtml(heading(f))}</h3>${question}${table}<p class="leader">${escHtml(f.leader)}</p>${sens}</div>`;
}

/** A Markdown table cell: escaped (pipes included) and on one line. */
const mdCell = (s: string): string => escMarkdown(s);
const fn = (ns: readonly number[]): string => ns.map((n) => `[^${n}]`).join('');

export function achMarkdown(f: AchFacts): string {
  const out = [`### ${escMarkdown(heading(f))}`];
  if (f.matrix.question.trim()) out.push(`*Question: ${escMarkdown(f.matrix.question)}*`);
  if (f.rows.length > 0 && f.hypotheses.length > 0) {
    const lines = [
      `| Evidence | Grade | ${f.hypotheses.map((h) => `${h.code} ${mdCell(h.label)}`).join(' | ')} |`,
      `| --- | --- | ${f.hypotheses.map(() => ':-:').join(' | ')} |`,
      ...f.rows.map((r) => `| ${r.code} ${mdCell(r.label)}${fn(notesOf(r))}${r.diagnostic ? '' : ' *(not diagnostic)*'} | ${r.grade} ×${r.weight.toFixed(2)} | ` +
        `${r.ratings.map((x) => x ?? '–').join(' | ')} |`),
      `| **Weighted inconsistency** | | ${f.hypotheses.map((h) => score(h.inconsistency)).join(' | ')} |`,
      `| **Rank** | | ${f.hypotheses.map((h) => String(h.rank)).join(' | ')} |`,
    ];
    out.push(lines.join('\n'), `*${escMarkdown(KEY)}*`);
  } else if (f.hypotheses.length > 0) {
    out.push(f.hypotheses.map((h) => `- ${h.code} ${escMarkdown(h.label)}`).join('\n'));
  }
  out.push(`**${escMarkdown(f.leader)}**`);
  if (f.sensitivity.length > 0) out.push(['Sensitivity: the leader changes with these single items', ...f.sensitivity.map((s) => `- ${escMarkdown(s.text)}`)].join('\n'));
  else if (f.rows.length > 0 && f.hypotheses.length > 1) out.push('Sensitivity: no single item, removed or read the other way, changes the leader.');
  return out.join('\n\n');
}
