/** Response views of the exchange imports (REFI-QDA projects and CSL-JSON references). */

// Plain constants (no zod): the renderer's Data menu imports them on every first load.
/** The formats the workbench writes for other tools (the same list as electron/services/exchange/types.ts). */
export const EXCHANGE_EXPORT_FORMATS = ['qdpx', 'stix', 'ftm', 'csl', 'bibtex', 'ris'] as const;
export const EXCHANGE_IMPORT_FORMATS = ['qdpx', 'csl'] as const;
export type ExchangeExportFormat = (typeof EXCHANGE_EXPORT_FORMATS)[number];

/** The file name each export suggests (the save dialog's default, the CLI's without --out, the browser download's). */
export const EXCHANGE_FILE_NAMES: Record<ExchangeExportFormat, string> = {
  qdpx: 'workspace.qdpx', stix: 'workspace.stix.json', ftm: 'workspace.ftm.json', csl: 'references.json', bibtex: 'references.bib', ris: 'references.ris',
};


/** Something in the imported file that was left out, and why. */
export interface ExchangeSkipped {
  what: string;
  reason: string;
}

export interface QdpxImportReport {
  format: 'qdpx';
  project: string;
  sourcesCreated: number;
  /** Sources whose text was already in the workspace: their codings were added to the existing source. */
  sourcesExisting: number;
  tagsCreated: number;
  /** Codes that matched an existing tag (same name under the same parent). */
  tagsExisting: number;
  highlightsCreated: number;
  /** Selections whose exact range already had a highlight in that source. */
  duplicates: number;
  /** Memos attached to highlights as their note. */
  memosAttached: number;
  skipped: ExchangeSkipped[];
}

export interface CslImportReport {
  format: 'csl';
  items: number;
  /** Sources whose details were updated (each matched by one item). */
  updated: Array<{ sourceId: string; title: string; matchedBy: 'url' | 'doi' | 'title'; fields: string[] }>;
  /** Items that matched a source whose details already said the same. */
  unchanged: number;
  /** Items that matched no source (a reference without a text is not a source), or more than one. */
  unmatched: Array<{ itemId: string; title: string; reason: string }>;
}

export type ExchangeImportReport = QdpxImportReport | CslImportReport;
