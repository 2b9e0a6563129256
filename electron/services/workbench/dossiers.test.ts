/** Dossier services through the one command path, and export jobs with a stand-in printer. */
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/domain/result';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { buildSampleWorkspace, type SampleWorkspace } from '../../../tests/support/dossier-fixture';
import { ExportJobs } from '../export/jobs';
import { addBlock, createDossier, deleteDossier, draftDossier, getDossier, listDossiers, updateDossier } from './dossiers';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

let ws: SampleWorkspace | null = null;
afterEach(async () => {
  await ws?.wb.close();
  ws = null;
});
const sample = async () => (ws = await buildSampleWorkspace(tempDir(), sampleArticle()));

describe('dossier services', () => {
  it('drafts a dossier about two subjects with the usual sections and a relations title', async () => {
    const { wb, e, c, h } = await sample();
    const d = must(draftDossier(wb, { subjectIds: [e.tr.id, e.kz.id], author: 'Ayşe' }));
    expect(d.title).toBe('Türkiye–Kazakhstan relations');
    expect(d.sections.map((s) => s.title)).toEqual(['Summary', 'Key claims', 'Relationships', 'Evidence', 'Timeline', 'Graph', 'Entities']);
    // Best grade first: B2 (Erdoğan, credibility 2) before B3 (Tokayev).
    expect(d.sections[1]!.blocks.map((b) => b.refId)).toEqual([c.support.id, c.partner.id]);
    // Passages linked to the subjects or cited by their claims and relationships, in text order.
    expect(d.sections[3]!.blocks.map((b) => b.refId)).toEqual([h.support, h.partner, h.ceasefire]);
    expect(d.sections[6]!.blocks.map((b) => b.refId)).toContain(e.cavusoglu.id);
    expect(listDossiers(wb)).toEqual([expect.objectContaining({ id: d.id, subjectNames: ['Türkiye', 'Kazakhstan'], sectionCount: 7 })]);
    const { html } = must(getDossier(wb, d.id));
    expect(html).toContain('<title>Türkiye–Kazakhstan relations</title>');
  });

  it('refuses unknown ids, naming them, and commits nothing', async () => {
    const { wb, e } = await sample();
    const r = createDossier(wb, { title: 'X', subjectIds: [e.tr.id, 'nope-1', 'nope-2'], author: '' });
    expect(r.ok || r.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('nope-1, nope-2') });
    const draft = draftDossier(wb, { subjectIds: ['ghost'] });
    expect(draft.ok || draft.error.message).toContain('ghost');
    expect(wb.state.count('dossiers')).toBe(0);
    const d = must(createDossier(wb, { title: 'X', subjectIds: [], author: '' }));
    const bad = addBlock(wb, { dossierId: d.id, kind: 'claim', refId: 'no-such-claim', text: '' });
    expect(bad.ok || bad.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('no-such-claim') });
    expect(addBlock(wb, { dossierId: d.id, sectionId: 'no-section', kind: 'text', refId: null, text: 'x' }).ok).toBe(false);
  });

  it('adds blocks to a new Notes section, then to the last section; reorders by replacing sections; undo works', async () => {
    const { wb, c, h } = await sample();
    const d = must(createDossier(wb, { title: 'Notes test', subjectIds: [], author: '' }));
    const one = must(addBlock(wb, { dossierId: d.id, kind: 'quote', refId: h.support, text: '' }));
    expect(one.sections.map((s) => s.title)).toEqual(['Notes']);
    const two = must(addBlock(wb, { dossierId: d.id, kind: 'claim', refId: c.support.id, text: '' }));
    expect(two.sections[0]!.blocks.map((b) => b.kind)).toEqual(['quote', 'claim']);
    const withSecond = must(updateDossier(wb, { id: d.id, sections: [...two.sections, { id: 'sec-b', title: 'B', blocks: [] }] }));
    const reordered = must(updateDossier(wb, { id: d.id, sections: [...withSecond.sections].reverse() }));
    expect(reordered.sections.map((s) => s.title)).toEqual(['B', 'Notes']);
    must(wb.step('undo'));
    expect(wb.state.get('dossiers', d.id)!.sections.map((s) => s.title)).toEqual(['Notes', 'B']);
    must(deleteDossier(wb, d.id));
    expect(wb.state.get('dossiers', d.id)).toBeUndefined();
    must(wb.step('undo'));
    expect(wb.state.get('dossiers', d.id)).toBeDefined();
  });

  it('keeps a block whose record was deleted: it renders as [missing: …] and the dossier can still be reordered', async () => {
    const { wb, c } = await sample();
    const d = must(createDossier(wb, { title: 'Gone', subjectIds: [], author: '' }));
    must(addBlock(wb, { dossierId: d.id, kind: 'claim', refId: c.partner.id, text: '' }));
    const withText = must(addBlock(wb, { dossierId: d.id, kind: 'text', refId: null, text: 'Context.' }));
    must(wb.run('Delete claim', () => ok({ ops: [{ t: 'del', c: 'claims', id: c.partner.id }], value: null })));
    expect(must(getDossier(wb, d.id)).html).toContain(`[missing: claim ${c.partner.id}]`);
    const blocks = [...withText.sections[0]!.blocks].reverse();
    expect(updateDossier(wb, { id: d.id, sections: [{ ...withText.sections[0]!, blocks }] }).ok).toBe(true);
  });
});

describe('export jobs', () => {
  it('runs a Markdown export to done and serves the file; unknown ids are not_found', async () => {
    const { wb, e } = await sample();
    const d = must(draftDossier(wb, { subjectIds: [e.erdogan.id] }));
    const jobs = new ExportJobs(async () => new Uint8Array());
    const { jobId } = must(jobs.start(wb, d.id, 'md'));
    await jobs.wait(jobId);
    expect(must(jobs.status(jobId))).toMatchObject({ state: 'done', progress: 1, fileName: 'Recep Tayyip Erdoğan.md' });
    const file = must(jobs.download(jobId));
    expect(Buffer.from(file.dataBase64, 'base64').toString('utf8')).toContain(`id: "${d.id}"`);
    expect(jobs.start(wb, 'nope', 'pdf').ok).toBe(false);
    expect(jobs.status('nope').ok).toBe(false);
  });

  it('reports a failed print as failed; downloading it is a conflict', async () => {
    const { wb, e } = await sample();
    const d = must(draftDossier(wb, { subjectIds: [e.kz.id] }));
    const jobs = new ExportJobs(async () => { throw new Error('printer on fire'); });
    const { jobId } = must(jobs.start(wb, d.id, 'pdf'));
    await jobs.wait(jobId);
    expect(must(jobs.status(jobId))).toMatchObject({ state: 'failed', error: expect.stringContaining('printer on fire') });
    const r = jobs.download(jobId);
    expect(r.ok || r.error.code).toBe('conflict');
  });
});
