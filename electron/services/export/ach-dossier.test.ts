/** The ACH dossier block: the matrix with its passages as notes in HTML, Markdown, JSON and a printed PDF; kept whole on delete and undo. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/unit/helpers';
import { hasPoppler } from '../../../tests/support/poppler';
import { analysisFixture, snapshotOf, unwrap } from '../../../tests/support/analysis-fixture';
import type { DossierJson } from '../../../shared/dossier';
import { WorkspaceState } from '../../../shared/domain/state';
import { addEvidence, addHypothesis, createMatrix, deleteMatrix, rateCell } from '../workbench/ach';
import { createClaim } from '../workbench/claims';
import { addBlock, createDossier, getDossier } from '../workbench/dossiers';
import { checkRecords } from '../maintenance/record-checks';
import { ChromiumPrinter, chromiumAvailable } from './chromium-printer';
import { prepareDossierExport, type DossierFormat } from './dossier-export';

const OUT = process.env.DOSSIER_PDF_OUT ?? tempDir('wb-ach-dossier-');
const HOSTILE = 'Pipes | and <b>tags</b>';

/**
 * Two hypotheses against three items: a B2 claim (I against Trade), a C6 passage (II against Security) and a passage
 * rated C for both (not diagnostic). Trade leads at 0.72 against Security at 0.84, and only because of the C6 passage.
 */
async function achDossier() {
  const f = await analysisFixture();
  const { wb, article, report, highlight } = f;
  const strong = highlight(article, 'closest and most reliable');
  const weak = highlight(report, 'signed agreements on trade and energy');
  const flat = highlight(article, 'enhance their bilateral cooperation');
  const claim = unwrap(createClaim(wb, {
    claimantId: null, statement: 'Türkiye is Kazakhstan’s closest partner', type: 'assessment', claimedAt: '', credibility: 2,
    evidenceHighlightIds: [strong.id], aboutEntityIds: [], tagIds: [],
  }));
  let m = unwrap(createMatrix(wb, { title: 'Why the summit?', question: 'What drives the partnership?' }));
  const id = m.matrix.id;
  m = unwrap(addHypothesis(wb, { matrixId: id, label: 'Trade', note: '' }));
  m = unwrap(addHypothesis(wb, { matrixId: id, label: `Security ${HOSTILE}`, note: '' }));
  m = unwrap(addEvidence(wb, { matrixId: id, kind: 'claim', refId: claim.id }));
  m = unwrap(addEvidence(wb, { matrixId: id, kind: 'highlight', refId: weak.id }));
  m = unwrap(addEvidence(wb, { matrixId: id, kind: 'highlight', refId: flat.id }));
  const [trade, security] = m.matrix.hypotheses.map((h) => h.id);
  const [e1, e2, e3] = m.matrix.evidence.map((e) => e.id);
  for (const [evidenceId, hypothesisId, rating] of [[e1, trade, 'I'], [e1, security, 'CC'], [e2, security, 'II'], [e3, trade, 'C'], [e3, security, 'C']] as const) {
    unwrap(rateCell(wb, { matrixId: id, evidenceId: evidenceId!, hypothesisId: hypothesisId!, rating }));
  }
  const dossier = unwrap(createDossier(wb, { title: 'ACH dossier', subjectIds: [], author: '' }));
  unwrap(addBlock(wb, { dossierId: dossier.id, kind: 'ach', refId: id, text: '' }));
  return { ...f, matrixId: id, dossierId: dossier.id, strong, weak, flat };
}

let ws: Awaited<ReturnType<typeof achDossier>>;
beforeAll(async () => {
  ws = await achDossier();
});
afterAll(async () => {
  await ws?.wb.close();
});

async function exported(format: DossierFormat): Promise<string> {
  const prepared = unwrap(prepareDossierExport(ws.wb, ws.dossierId, format));
  return Buffer.from(await prepared.produce(async () => new Uint8Array())).toString('utf8');
}

const LEADER = 'Leading: H1 “Trade” is the least inconsistent with the evidence (weighted inconsistency 0.72; next: H2 “Security Pipes | and <b>tags</b>” at 0.84).';

describe('ACH dossier block', () => {
  it('HTML: a table of hypotheses × evidence with the ratings as letters, scores, ranks, the leader, sensitivity, and endnotes for each passage', async () => {
    const html = await exported('html');
    const table = html.slice(html.indexOf('<table class="ach-matrix">'), html.indexOf('</table>', html.indexOf('<table class="ach-matrix">')));
    expect(table).toContain('<th class="h" scope="col"><span class="code">H1</span> Trade</th>');
    expect(table).toContain('<span class="code">H2</span> Security Pipes | and &lt;b&gt;tags&lt;/b&gt;</th>');
    // Row E1: the claim B2, cited by note 1 (its passage); I against Trade, CC against Security.
    expect(table).toMatch(/<span class="code">E1<\/span> Türkiye is Kazakhstan’s closest partner<sup class="noteref"><a href="#note-1">1<\/a><\/sup><\/th><td class="g"><span class="grade r-B">B2<\/span><span class="w">×0\.72<\/span><\/td><td class="r r-I" title="inconsistent">I<\/td><td class="r r-CC" title="very consistent">CC<\/td><\/tr>/);
    expect(table).toMatch(/<tr class="not-diagnostic"><th class="ev" scope="row"><span class="code">E3<\/span> “enhance their bilateral cooperation”<sup class="noteref"><a href="#note-3">3<\/a><\/sup> <span class="nd">not diagnostic<\/span>/);
    expect(table).toContain('<th colspan="2" scope="row">Weighted inconsistency</th><td class="lead">0.72</td><td>0.84</td>');
    expect(table).toContain('<th colspan="2" scope="row">Rank</th><td class="lead">1</td><td>2</td>');
    expect(html).toContain(`<p class="leader">${LEADER.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`);
    expect(html).toContain('<li>E2 “signed agreements on trade and energy”: without it, or if it were wrong, H2 “Security Pipes | and &lt;b&gt;tags&lt;/b&gt;” would lead.</li>');
    // The endnote of E1's passage names its source and location: the statement stays traceable.
    expect(html).toMatch(/<li id="note-1">[^]*?closest and most reliable[^]*?<\/li>/);
    expect(html).not.toContain('<b>tags</b>');
  });

  it('Markdown: a pipe table (user pipes escaped), footnotes for the passages, the leader and the sensitivity items', async () => {
    const md = await exported('md');
    expect(md).toContain([
      '| Evidence | Grade | H1 Trade | H2 Security Pipes \\| and \\<b\\>tags\\</b\\> |',
      '| --- | --- | :-: | :-: |',
      '| E1 Türkiye is Kazakhstan’s closest partner[^1] | B2 ×0.72 | I | CC |',
      '| E2 “signed agreements on trade and energy”[^2] | C6 ×0.42 | – | II |',
      '| E3 “enhance their bilateral cooperation”[^3] *(not diagnostic)* | B6 ×0.51 | C | C |',
      '| **Weighted inconsistency** | | 0.72 | 0.84 |',
      '| **Rank** | | 1 | 2 |',
    ].join('\n'));
    expect(md).toContain('**Leading: H1 “Trade” is the least inconsistent with the evidence (weighted inconsistency 0.72; next: H2 “Security Pipes \\| and \\<b\\>tags\\</b\\>” at 0.84).**');
    expect(md).toMatch(/^\[\^1\]: .*closest and most reliable/m);
    expect(md).toContain('- E2 “signed agreements on trade and energy”: without it, or if it were wrong, H2');
  });

  it('JSON: the matrix with each row’s grade, weight, diagnosticity and notes, the scores and the leader; the cited records are included', async () => {
    const json = JSON.parse(await exported('json')) as DossierJson;
    expect(json.matrices).toHaveLength(1);
    const m = json.matrices![0]!;
    expect(m).toMatchObject({ id: ws.matrixId, title: 'Why the summit?', question: 'What drives the partnership?', leader: LEADER });
    expect(m.rows.map((r) => [r.grade, r.diagnostic, r.notes])).toEqual([['B2', true, [1]], ['C6', true, [2]], ['B6', false, [3]]]);
    expect(m.scores.map((s) => [s.inconsistency, s.rank])).toEqual([[0.722, 1], [0.84, 2]]);
    expect(json.highlights.map((h) => h.id).sort()).toEqual([ws.strong.id, ws.weak.id, ws.flat.id].sort());
    expect(json.claims.map((c) => c.statement)).toEqual(['Türkiye is Kazakhstan’s closest partner']);
    expect(json.notes.map((n) => n.exact)).toEqual(['closest and most reliable', 'signed agreements on trade and energy', 'enhance their bilateral cooperation']);
  });

  it('refuses an ACH block for a matrix that does not exist, and the doctor reports a dangling one against "matrices"', async () => {
    expect(addBlock(ws.wb, { dossierId: ws.dossierId, kind: 'ach', refId: 'no-such-matrix', text: '' }))
      .toMatchObject({ ok: false, error: { code: 'not_found', message: 'Not found: ach no-such-matrix.' } });
    expect(addBlock(ws.wb, { dossierId: ws.dossierId, kind: 'ach', refId: null, text: '' }))
      .toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const d = ws.wb.state.get('dossiers', ws.dossierId)!;
    const dangling = { ...d, sections: d.sections.map((s) => ({ ...s, blocks: [...s.blocks, { id: 'b-gone', kind: 'ach' as const, text: '', refId: 'gone' }] })) };
    const state = WorkspaceState.fromJson(ws.wb.state.toJson());
    state.applyOps([{ t: 'put', c: 'dossiers', v: dangling }]);
    const found = checkRecords(state);
    expect(found.problems.filter((p) => p.recordId === d.id).map((p) => p.message)).toEqual([expect.stringMatching(/^dossier .*: block b-gone refers to ACH matrix gone, which does not exist\.$/)]);
  });
});

describe('deleting a matrix shown in a dossier', () => {
  it('removes the dossier block with the matrix in one step; undo brings both back', async () => {
    const f = await achDossier();
    const before = snapshotOf(f.wb);
    unwrap(deleteMatrix(f.wb, f.matrixId));
    const d = unwrap(getDossier(f.wb, f.dossierId));
    expect(d.dossier.sections.flatMap((s) => s.blocks)).toEqual([]);
    expect(d.html).not.toContain('<table class="ach-matrix">');
    unwrap(f.wb.step('undo'));
    expect(snapshotOf(f.wb)).toBe(before);
    expect(unwrap(getDossier(f.wb, f.dossierId)).html).toContain('<table class="ach-matrix">');
    await f.wb.close();
  });
});

describe.skipIf(!chromiumAvailable() || !hasPoppler)('the ACH block in a printed dossier (headless Chromium)', () => {
  const printer = new ChromiumPrinter({ idleMs: 5_000 });
  afterAll(async () => {
    await printer.close();
  });

  it('prints the hypothesis labels, the ratings, the scores and the leader as real text, with the passages in the notes', async () => {
    const prepared = unwrap(prepareDossierExport(ws.wb, ws.dossierId, 'pdf'));
    fs.mkdirSync(OUT, { recursive: true });
    const pdfFile = path.join(OUT, prepared.fileName);
    fs.writeFileSync(pdfFile, await prepared.produce(printer.print));
    const flat = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flat).toContain('Analysis of competing hypotheses: Why the summit?');
    expect(flat).toContain('H1 Trade');
    expect(flat).toContain('H2 Security Pipes | and <b>tags</b>');
    expect(flat).toMatch(/E1 Türkiye is Kazakhstan’s closest partner ?1/);
    expect(flat).toMatch(/E3 “enhance their bilateral cooperation” ?3 NOT DIAGNOSTIC/);
    // Laid out as on the page: each row's ratings side by side (H1 then H2), in row order, then the scores and ranks.
    const laid = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    const cells = laid.split('\n').filter((l) => /^\s*(I|II|CC|C|N|–)\s+(I|II|CC|C|N|–)\s*$/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(cells).toEqual([['I', 'CC'], ['–', 'II'], ['C', 'C']]);
    expect(laid).toMatch(/Weighted inconsistency\s+0\.72\s+0\.84\n/);
    expect(laid).toMatch(/Rank\s+1\s+2\n/);
    expect(flat).toContain(LEADER);
    expect(flat).toContain('closest and most reliable');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '3', '-l', '3', pdfFile, path.join(OUT, 'ach-dossier')]);
    console.log(`[ach-dossier.test] ${pdfFile}; page 3 as PNG under ${OUT}`);
  }, 60_000);
});
