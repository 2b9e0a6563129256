/** A real workspace holding the paged PDF source of paged-source-fixture.ts: text in texts/, the area crop in captures/, records in the journal. */
import { ok } from '../../shared/domain/result';
import type { Claim, Dossier, Highlight, Source } from '../../shared/domain/types';
import { Workbench } from '../../electron/services/workbench/workbench';
import { PAGED_TEXT, areaPng, pagedHighlights, pagedSource } from './paged-source-fixture';

export interface PagedWorkspace {
  wb: Workbench;
  source: Source;
  h: Record<'page2' | 'overBreak' | 'page1' | 'area', Highlight>;
  dossier: Dossier;
  png: Uint8Array;
}

/**
 * The source is stored as a PDF import would leave it (text + page map + original blob); the original's bytes are a
 * stand-in (nothing here opens it). A dossier cites each kind of highlight: claim evidence, relationship-free quote blocks.
 */
export async function buildPagedWorkspace(dir: string, opts: { records?: boolean } = {}): Promise<PagedWorkspace> {
  const wb = await Workbench.open(dir);
  const contentHash = wb.store.texts.put(PAGED_TEXT);
  const original = wb.store.captures.put(new TextEncoder().encode('%PDF-1.7 stand-in'), 'application/pdf');
  const png = await areaPng();
  const image = wb.store.captures.put(png, 'image/png');
  const base = pagedSource(PAGED_TEXT, { contentHash });
  const source: Source = { ...base, pdf: { ...base.pdf!, original } };
  const h = pagedHighlights(source, PAGED_TEXT, image);
  const t = source.createdAt;
  const claim: Claim = {
    id: 'c-pdf', claimantId: null, statement: 'Türkiye backs Kazakhstan on the pipeline.', type: 'fact', claimedAt: '2024-02-01', credibility: 2,
    evidenceHighlightIds: [h.page2.id, h.area.id], aboutEntityIds: [], supports: [], contradicts: [], tagIds: [], createdAt: t, updatedAt: t,
  };
  const dossier: Dossier = {
    id: 'd-pdf', title: 'Pipeline pages', subjectIds: [], author: 'Ayşe Yılmaz', createdAt: t, updatedAt: t,
    sections: [{ id: 's-1', title: 'Evidence', blocks: [
      { id: 'b1', kind: 'claim', refId: claim.id, text: '' },
      { id: 'b2', kind: 'quote', refId: h.overBreak.id, text: '' },
      { id: 'b3', kind: 'quote', refId: h.area.id, text: '' },
      { id: 'b4', kind: 'quote', refId: h.page1.id, text: '' },
    ] }],
  };
  const run = wb.run('Paged source', () => ok({
    ops: [
      { t: 'put' as const, c: 'sources' as const, v: source },
      // Without records: the same source alone, to import annotations into.
      ...(opts.records === false ? [] : Object.values(h)).map((v) => ({ t: 'put' as const, c: 'highlights' as const, v })),
      ...(opts.records === false ? [] : [{ t: 'put' as const, c: 'claims' as const, v: claim }, { t: 'put' as const, c: 'dossiers' as const, v: dossier }]),
    ],
    value: null,
  }));
  if (!run.ok) throw new Error(run.error.message);
  return { wb, source, h, dossier, png };
}
