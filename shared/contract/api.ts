/** The one API contract between renderer and main (IPC) or browser mode (HTTP). */
import { z } from 'zod';
import { method, type ClientOf, type HandlersOf } from './define';
import { analysisApi } from './api-analysis';
import { captureApi } from './api-capture';
import { dossiersApi } from './api-dossiers';
import { maintenanceApi } from './api-maintenance';
import { searchApi } from './api-search';
import { pdfApi, pdfPlacement } from './api-pdf';
import { exchangeApi } from './api-exchange';
import { achApi } from './api-ach';
import { cooccurrenceApi } from './api-cooccurrence';
import { timelineApi } from './api-timeline';
import { suggestClaimsApi } from './api-suggest-claims';
import { teamApi } from './api-team';
import { empty, id, partialDate, text } from './schemas';
import type {
  Highlight, Source, Tag,
} from '../domain/types';
import { HIGHLIGHT_COLORS, RELIABILITY } from '../domain/types';
import type {
  HistoryState, ImportOutcome, SourceSummary, TagSummary, WorkspaceInfo,
} from './views';
import type { ReaderWire } from './reader-wire';
import type { LibraryWire } from './library-wire';

/** Bytes cross the wire as base64; 50 MB of file is ~67 MB of base64. */
const MAX_BASE64 = 70 * 1024 * 1024;

const metaPatch = z.object({
  title: text(500).optional(),
  authors: z.array(text(200)).max(50).optional(),
  publisher: text(200).optional(),
  publishedAt: partialDate.optional(),
  url: text(2000).optional(),
  language: text(35).optional(),
}).strict();

export const api = {
  'workspace.info': method<WorkspaceInfo>()({ request: empty }),

  'sources.list': method<SourceSummary[]>()({ request: empty }),
  // The library's list, compact (see library-wire): what the renderer's sources query reads and expands.
  'sources.library': method<LibraryWire>()({ request: empty }),
  // Compact on the wire (see reader-wire); the renderer's query expands it to a ReaderView.
  'sources.open': method<ReaderWire>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  'sources.importText': method<ImportOutcome>()({
    request: z.object({ text: z.string().max(MAX_BASE64), title: text(500).optional() }).strict(),
    errors: ['import_rejected'],
  }),
  'sources.importFile': method<ImportOutcome>()({
    request: z.object({ fileName: text(500).min(1), dataBase64: z.string().max(MAX_BASE64) }).strict(),
    errors: ['import_rejected'],
  }),
  'sources.updateMeta': method<Source>()({
    request: z.object({ id, patch: metaPatch, reliability: z.enum(RELIABILITY).optional() }).strict(),
    errors: ['not_found'],
  }),
  'sources.delete': method<{ deletedHighlights: number }>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),

  'highlights.list': method<Highlight[]>()({
    request: z.object({ sourceId: id.optional(), tagId: id.optional() }).strict(),
  }),
  'highlights.create': method<Highlight>()({
    request: z.object({
      sourceId: id,
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      color: z.enum(HIGHLIGHT_COLORS).default('yellow'),
      tagIds: z.array(id).max(100).default([]),
      note: text(100_000).default(''),
      /** Set when the passage was selected on a page of the page view. */
      pdf: pdfPlacement.optional(),
    }).strict().refine((r) => r.end > r.start, { message: 'end must be greater than start', path: ['end'] }),
    errors: ['not_found'],
  }),
  'highlights.update': method<Highlight>()({
    request: z.object({
      id,
      color: z.enum(HIGHLIGHT_COLORS).optional(),
      note: text(100_000).optional(),
      tagIds: z.array(id).max(100).optional(),
    }).strict(),
    errors: ['not_found'],
  }),
  'highlights.delete': method<{ id: string }>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),

  'tags.list': method<TagSummary[]>()({ request: empty }),
  'tags.create': method<Tag>()({
    request: z.object({
      name: z.string().trim().min(1).max(100),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
      parentId: id.nullable().default(null),
    }).strict(),
    errors: ['duplicate', 'not_found'],
  }),
  'tags.update': method<Tag>()({
    request: z.object({
      id,
      name: z.string().trim().min(1).max(100).optional(),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
      parentId: id.nullable().optional(),
    }).strict(),
    errors: ['duplicate', 'not_found', 'conflict'],
  }),
  'tags.merge': method<{ into: Tag; retagged: number }>()({
    request: z.object({ fromId: id, intoId: id }).strict(),
    errors: ['not_found', 'conflict'],
  }),
  'tags.delete': method<{ untagged: number }>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),

  'history.state': method<HistoryState>()({ request: empty }),
  'history.undo': method<HistoryState>()({ request: empty, errors: ['conflict'] }),
  'history.redo': method<HistoryState>()({ request: empty, errors: ['conflict'] }),

  ...analysisApi,
  ...captureApi,
  ...dossiersApi,
  ...maintenanceApi,
  ...searchApi,
  ...pdfApi,
  ...exchangeApi,
  ...achApi,
  ...cooccurrenceApi,
  ...timelineApi,
  ...suggestClaimsApi,
  ...teamApi,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export const METHOD_NAMES = Object.keys(api) as MethodName[];
export type ApiHandlers = HandlersOf<Api>;
export type ApiClient = ClientOf<Api>;
