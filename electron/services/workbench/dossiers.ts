/** Dossiers: list, get (with the rendered HTML for the live preview), create, update, delete, add a block, auto-draft. */
import { ok } from '../../../shared/domain/result';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { BlockKind, CollectionName, Dossier, DossierBlock, DossierSection } from '../../../shared/domain/types';
import type { DossierSummary, DossierWithHtml } from '../../../shared/contract/views-dossiers';
import { areaImageDataUri } from './pdf-area-image';
import { planDraft, renderDossierHtml, resolveDossier, type DossierData, type ResolvedDossier } from '../../../shared/dossier';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';

/** The workspace as the dossier renderers read it: live records plus verified source texts. */
export function dossierData(wb: Workbench): DossierData {
  const s = wb.state;
  return {
    get: (c, id) => s.get(c, id),
    all: (c) => s.all(c),
    textOf: (source) => wb.store.texts.get(source.contentHash),
    // Area highlights print as their crop, embedded (the dossier HTML may load nothing).
    areaImage: (h) => areaImageDataUri(wb, h),
  };
}

export function resolveForExport(wb: Workbench, dossier: Dossier, generatedAt = now()): ResolvedDossier {
  return resolveDossier(dossier, dossierData(wb), { generatedAt });
}

export function listDossiers(wb: Workbench): DossierSummary[] {
  const name = (id: string) => wb.state.get('entities', id)?.name ?? '[missing entity]';
  return wb.state.all('dossiers')
    .map((d) => ({
      id: d.id, title: d.title, subjectNames: d.subjectIds.map(name), author: d.author,
      sectionCount: d.sections.length, blockCount: d.sections.reduce((n, s) => n + s.blocks.length, 0), updatedAt: d.updatedAt,
    }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
}

export function getDossier(wb: Workbench, id: string): ServiceResult<DossierWithHtml, 'not_found'> {
  const dossier = wb.state.get('dossiers', id);
  if (!dossier) return fail('not_found', `No dossier with id ${id}.`);
  return ok({ dossier, html: renderDossierHtml(resolveForExport(wb, dossier)) });
}

/** Where each block kind's refId points. Graph and timeline blocks may name an entity to focus on. */
const REF_COLLECTION: Record<BlockKind, CollectionName | null> = {
  text: null, claim: 'claims', quote: 'highlights', relationship: 'relationships', entity: 'entities', graph: 'entities', timeline: 'entities', ach: 'matrices',
};
const NEEDS_REF: ReadonlySet<BlockKind> = new Set(['claim', 'quote', 'relationship', 'entity', 'ach']);

type Check = { ok: true } | { ok: false; code: 'not_found' | 'invalid_request'; message: string };

function missingSubjects(s: WorkspaceState, ids: readonly string[]): Check {
  const missing = ids.filter((id) => !s.get('entities', id));
  return missing.length === 0 ? { ok: true } : { ok: false, code: 'not_found', message: `No entity with id ${missing.join(', ')}.` };
}

/**
 * Block references must exist, except ones the dossier already held unchanged: a record deleted since
 * stays a visible "[missing: …]" block, and reordering must not be refused because of it.
 */
function checkBlocks(s: WorkspaceState, blocks: readonly DossierBlock[], before: ReadonlySet<string>): Check {
  const missing: string[] = [];
  for (const b of blocks) {
    if (NEEDS_REF.has(b.kind) && !b.refId) return { ok: false, code: 'invalid_request', message: `A ${b.kind} block needs a refId (block ${b.id}).` };
    const c = REF_COLLECTION[b.kind];
    if (!c || !b.refId || before.has(`${b.id}\u0000${b.refId}`)) continue;
    if (!s.get(c, b.refId)) missing.push(`${b.kind} ${b.refId}`);
  }
  return missing.length === 0 ? { ok: true } : { ok: false, code: 'not_found', message: `Not found: ${missing.join(', ')}.` };
}

function checkSections(s: WorkspaceState, sections: readonly DossierSection[], prior: Dossier): Check {
  const ids = new Set<string>();
  for (const id of sections.flatMap((x) => [x.id, ...x.blocks.map((b) => b.id)])) {
    if (ids.has(id)) return { ok: false, code: 'invalid_request', message: `The id ${id} is used twice in the sections.` };
    ids.add(id);
  }
  const before = new Set(prior.sections.flatMap((x) => x.blocks.map((b) => `${b.id}\u0000${b.refId ?? ''}`)));
  return checkBlocks(s, sections.flatMap((x) => x.blocks), before);
}

const failed = (c: Exclude<Check, { ok: true }>) => fail(c.code, c.message);

export function createDossier(
  wb: Workbench, req: { title: string; subjectIds: string[]; author: string },
): ServiceResult<Dossier, 'not_found'> {
  return wb.run(`Create dossier “${req.title}”`, (s) => {
    const check = missingSubjects(s, req.subjectIds);
    if (!check.ok) return failed(check);
    const t = now();
    const d: Dossier = { id: newId(), title: req.title.trim(), subjectIds: [...new Set(req.subjectIds)], author: req.author.trim(), sections: [], createdAt: t, updatedAt: t };
    return ok({ ops: [{ t: 'put', c: 'dossiers', v: d }], value: d });
  });
}

export function updateDossier(
  wb: Workbench,
  req: { id: string; title?: string; subjectIds?: string[]; author?: string; sections?: DossierSection[]; newPagePerSection?: boolean },
): ServiceResult<Dossier, 'not_found'> {
  const label = req.sections ? 'Edit dossier sections' : req.newPagePerSection !== undefined ? 'Change dossier page breaks' : 'Edit dossier';
  return wb.run(label, (s) => {
    const d = s.get('dossiers', req.id);
    if (!d) return fail('not_found', `No dossier with id ${req.id}.`);
    const subjects = req.subjectIds ? missingSubjects(s, req.subjectIds) : { ok: true as const };
    if (!subjects.ok) return failed(subjects);
    const sections = req.sections ? checkSections(s, req.sections, d) : { ok: true as const };
    if (!sections.ok) return failed(sections);
    const v: Dossier = {
      ...d,
      title: req.title?.trim() ?? d.title,
      subjectIds: req.subjectIds ? [...new Set(req.subjectIds)] : d.subjectIds,
      author: req.author?.trim() ?? d.author,
      sections: req.sections ?? d.sections,
      // Only written once chosen: dossiers that never set it keep their stored shape.
      ...(req.newPagePerSection === undefined ? {} : { newPagePerSection: req.newPagePerSection }),
      updatedAt: now(),
    };
    return ok({ ops: [{ t: 'put', c: 'dossiers', v }], value: v });
  });
}

export function deleteDossier(wb: Workbench, id: string): ServiceResult<{ id: string }, 'not_found'> {
  return wb.run('Delete dossier', (s) => {
    if (!s.get('dossiers', id)) return fail('not_found', `No dossier with id ${id}.`);
    return ok({ ops: [{ t: 'del', c: 'dossiers', id }], value: { id } });
  });
}

/** Appends to the given section, else the last one, else a new "Notes" section. */
export function addBlock(
  wb: Workbench, req: { dossierId: string; sectionId?: string; kind: BlockKind; refId: string | null; text: string },
): ServiceResult<Dossier, 'not_found'> {
  return wb.run('Add to dossier', (s) => {
    const d = s.get('dossiers', req.dossierId);
    if (!d) return fail('not_found', `No dossier with id ${req.dossierId}.`);
    if (req.sectionId && !d.sections.some((x) => x.id === req.sectionId)) {
      return fail('not_found', `No section with id ${req.sectionId} in “${d.title}”.`);
    }
    const block: DossierBlock = { id: newId(), kind: req.kind, text: req.kind === 'text' ? req.text : '', refId: req.kind === 'text' ? null : req.refId };
    const check = checkBlocks(s, [block], new Set());
    if (!check.ok) return failed(check);
    const targetId = req.sectionId ?? d.sections[d.sections.length - 1]?.id;
    const sections = targetId
      ? d.sections.map((x) => (x.id === targetId ? { ...x, blocks: [...x.blocks, block] } : x))
      : [{ id: newId(), title: 'Notes', blocks: [block] }];
    const v: Dossier = { ...d, sections, updatedAt: now() };
    return ok({ ops: [{ t: 'put', c: 'dossiers', v }], value: v });
  });
}

export function draftDossier(
  wb: Workbench, req: { subjectIds: string[]; title?: string; author?: string },
): ServiceResult<Dossier, 'not_found'> {
  const data = dossierData(wb);
  return wb.run('Draft dossier', () => {
    const plan = planDraft(data, req.subjectIds, newId, req.title);
    if (!plan.ok) return fail('not_found', `No entity with id ${plan.error.join(', ')}.`);
    const t = now();
    const d: Dossier = {
      id: newId(), title: plan.value.title, subjectIds: [...new Set(req.subjectIds)], author: req.author?.trim() ?? '',
      sections: plan.value.sections, createdAt: t, updatedAt: t,
    };
    return ok({ ops: [{ t: 'put', c: 'dossiers', v: d }], value: d });
  });
}
