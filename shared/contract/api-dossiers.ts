/** Contract methods for dossiers, exports (PDF, Markdown, HTML, JSON, W3C, GraphML) and annotation import. */
import { z } from 'zod';
import { method } from './define';
import { empty, id, text } from './schemas';
import { BLOCK_KINDS, type Dossier } from '../domain/types';
import type { AnnotationImportReport, DossierSummary, DossierWithHtml, ExportJobStatus, ExportedFile } from './views-dossiers';

const block = z.object({
  id,
  kind: z.enum(BLOCK_KINDS),
  text: text(200_000).default(''),
  refId: id.nullable().default(null),
}).strict();

const section = z.object({ id, title: text(500), blocks: z.array(block).max(2000) }).strict();

export const dossiersApi = {
  'dossiers.list': method<DossierSummary[]>()({ request: empty }),
  'dossiers.get': method<DossierWithHtml>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  'dossiers.create': method<Dossier>()({
    request: z.object({ title: z.string().trim().min(1).max(500), subjectIds: z.array(id).max(20).default([]), author: text(200).default('') }).strict(),
    errors: ['not_found'],
  }),
  'dossiers.update': method<Dossier>()({
    request: z.object({
      id,
      title: z.string().trim().min(1).max(500).optional(),
      subjectIds: z.array(id).max(20).optional(),
      author: text(200).optional(),
      sections: z.array(section).max(500).optional(),
      newPagePerSection: z.boolean().optional(),
    }).strict(),
    errors: ['not_found'],
  }),
  'dossiers.delete': method<{ id: string }>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  /** "Add to dossier…": appends a block to a section (the last one, or a new "Notes" section). */
  'dossiers.addBlock': method<Dossier>()({
    request: z.object({
      dossierId: id,
      sectionId: id.optional(),
      kind: z.enum(BLOCK_KINDS),
      refId: id.nullable().default(null),
      text: text(200_000).default(''),
    }).strict(),
    errors: ['not_found'],
  }),
  /** Auto-draft: a first dossier gathering every claim, relationship and passage about the subject. */
  'dossiers.draft': method<Dossier>()({
    request: z.object({ subjectIds: z.array(id).min(1).max(20), title: z.string().trim().min(1).max(500).optional(), author: text(200).optional() }).strict(),
    errors: ['not_found'],
  }),

  /** Starts an export; poll exports.status, then fetch the file with exports.download. */
  'exports.start': method<{ jobId: string }>()({
    request: z.object({ dossierId: id, format: z.enum(['pdf', 'md', 'html', 'json']) }).strict(),
    errors: ['not_found'],
  }),
  'exports.status': method<ExportJobStatus>()({ request: z.object({ jobId: id }).strict(), errors: ['not_found'] }),
  'exports.download': method<ExportedFile>()({ request: z.object({ jobId: id }).strict(), errors: ['not_found', 'conflict'] }),
  'exports.annotations': method<ExportedFile>()({ request: z.object({ format: z.literal('w3c') }).strict() }),
  'exports.graph': method<ExportedFile>()({ request: z.object({ format: z.literal('graphml') }).strict() }),

  'imports.annotations': method<AnnotationImportReport>()({
    request: z.object({ json: z.string().max(60 * 1024 * 1024), sourceId: id.optional() }).strict(),
    errors: ['not_found', 'import_rejected'],
  }),
};
