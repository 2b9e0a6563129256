/** What every exchange exporter gets and gives: the workspace's records and texts in, one file out. */
import type { WorkspaceCollections } from '../../../shared/domain/types';
import type { ExportedFile } from '../../../shared/contract/views-dossiers';

/** The formats the workbench writes for other tools (issue 17). */
export const EXCHANGE_FORMATS = ['qdpx', 'stix', 'ftm', 'csl', 'bibtex', 'ris'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

/** A read-only snapshot of the workspace for one export: exporters never see the Workbench itself. */
export interface ExchangeInput {
  /** Workspace id (manifest id): stable across exports, for deterministic identifiers. */
  workspaceId: string;
  records: { [C in keyof WorkspaceCollections]: readonly WorkspaceCollections[C][] };
  /** A source's normalised text by its content hash, or null when missing. */
  textOf: (contentHash: string) => string | null;
  /** ISO timestamp of the export (passed in so tests are deterministic). */
  generatedAt: string;
}

export type Exporter = (input: ExchangeInput) => ExportedFile | Promise<ExportedFile>;
