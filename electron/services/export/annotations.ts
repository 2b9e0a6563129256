/** Workspace-wide exports (W3C annotations, GraphML) and the W3C annotation import, as one undoable transaction. */
import { ok } from '../../../shared/domain/result';
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Highlight, Tag } from '../../../shared/domain/types';
import type { AnnotationImportReport, ExportedFile } from '../../../shared/contract/views-dossiers';
import {
  matchAnnotationsToSource, parseW3CAnnotations, toGraphML, toW3CCollection, type MatchableSource, type ParsedAnnotation,
} from '../../../shared/export';
import { areaLabel } from '../../../shared/dossier/pages';
import { anchorHighlight, describeRange } from '../../../shared/anchoring';
import { fail, newId, now, type ServiceResult, type Workbench } from '../workbench/workbench';

const file = (fileName: string, mimeType: string, text: string): ExportedFile =>
  ({ fileName, mimeType, dataBase64: Buffer.from(text, 'utf8').toString('base64') });

export function exportAnnotationsW3C(wb: Workbench): ExportedFile {
  const sources = wb.state.all('sources').sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const collection = toW3CCollection({
    workspaceId: wb.store.manifest.id,
    label: 'Analyst Workbench highlights',
    baseIri: `urn:workbench:${wb.store.manifest.id}`,
    sources,
    highlights: wb.state.all('highlights'),
    tags: wb.state.all('tags'),
    generatedAt: now(),
  });
  return file('annotations.jsonld', 'application/ld+json', `${JSON.stringify(collection, null, 2)}\n`);
}

export function exportGraphML(wb: Workbench): ExportedFile {
  const entities = wb.state.all('entities').sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const relationships = wb.state.all('relationships').sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return file('graph.graphml', 'application/graphml+xml', toGraphML({ entities, relationships }));
}

/** Resolves "Parent/Child" tag paths to tag ids, planning puts for the tags that do not exist yet. */
class TagPlanner {
  readonly ops: Op[] = [];
  private readonly created: Tag[] = [];

  constructor(private readonly s: WorkspaceState) {}

  private find(name: string, parentId: string | null): Tag | undefined {
    const n = name.toLocaleLowerCase();
    return [...this.s.all('tags'), ...this.created].find((t) => t.parentId === parentId && t.name.toLocaleLowerCase() === n);
  }

  idOf(path: string): string | null {
    let parentId: string | null = null;
    for (const part of path.split('/').map((p) => p.trim()).filter(Boolean)) {
      let tag = this.find(part, parentId);
      if (!tag) {
        tag = { id: newId(), name: part.slice(0, 100), color: '#5f3dc4', parentId, createdAt: now() };
        this.created.push(tag);
        this.ops.push({ t: 'put', c: 'tags', v: tag });
      }
      parentId = tag.id;
    }
    return parentId;
  }
}

/**
 * Imports W3C annotations: invalid input is rejected with nothing changed; attached annotations become
 * highlights (tags by name, created when missing; the comment as note); an annotation whose exact
 * range already has a highlight in that source is a duplicate; the rest are orphans with a reason.
 */
export function importAnnotationsW3C(wb: Workbench, json: string, sourceId?: string): ServiceResult<AnnotationImportReport, 'not_found' | 'import_rejected'> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return fail('import_rejected', `The file is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = parseW3CAnnotations(raw);
  if (!parsed.ok) return fail('import_rejected', `Not importable as W3C annotations: ${parsed.error.message}`);
  if (sourceId && !wb.state.get('sources', sourceId)) return fail('not_found', `No source with id ${sourceId}.`);
  const candidates = sourceId ? [wb.state.get('sources', sourceId)!] : wb.state.all('sources');
  const texts = new Map<string, string>();
  const sources: MatchableSource[] = candidates.flatMap((s) => {
    const text = wb.store.texts.get(s.contentHash);
    if (text === null) return [];
    texts.set(s.id, text);
    return [{ id: s.id, url: s.meta.url, contentHash: s.contentHash, text }];
  });
  const matched = matchAnnotationsToSource(parsed.value, sources, { sourceId }, (text, sel) => anchorHighlight(text, sel));
  // An area of a PDF page has no quote: the report names it by its page instead of an empty one.
  const quoteOf = (a: ParsedAnnotation): string => a.quote?.exact ?? (a.pdfPage ? areaLabel(a.pdfPage) : '');
  const orphans = matched.orphans.map((o) => ({ annotationId: o.annotation.id ?? '', quote: quoteOf(o.annotation), reason: o.reason }));

  return wb.run('Import annotations', (s) => {
    const tags = new TagPlanner(s);
    const taken = new Set<string>();
    const highlights: Highlight[] = [];
    let duplicates = 0;
    for (const a of matched.attached) {
      const key = `${a.sourceId}:${a.start}:${a.end}`;
      const exists = taken.has(key) || s.highlightsOf(a.sourceId).some((h) => h.position.start === a.start && h.position.end === a.end);
      if (exists) {
        duplicates++;
        continue;
      }
      taken.add(key);
      const { quote, position } = describeRange(texts.get(a.sourceId)!, a.start, a.end);
      const created = a.annotation.created && !Number.isNaN(Date.parse(a.annotation.created)) ? new Date(a.annotation.created).toISOString() : now();
      const tagIds = [...new Set(a.annotation.tags.flatMap((t) => tags.idOf(t) ?? []))];
      highlights.push({
        id: newId(), sourceId: a.sourceId, color: a.annotation.color ?? 'yellow', quote, position, tagIds,
        note: a.annotation.note, entityIds: [], createdAt: created, updatedAt: now(),
      });
    }
    const ops: Op[] = [...tags.ops, ...highlights.map((v): Op => ({ t: 'put', c: 'highlights', v }))];
    return ok({ ops, value: { attached: highlights.length, duplicates, orphans } });
  });
}
