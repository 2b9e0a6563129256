/** Contract methods of the exchange formats (issue 17): workspace exports for other tools, and REFI-QDA / CSL-JSON import. */
import { z } from 'zod';
import { method } from './define';
import { text } from './schemas';
import type { ExportedFile } from './views-dossiers';
import type { ExchangeImportReport } from './views-exchange';

/** The formats the workbench writes for other tools (the same list as electron/services/exchange/types.ts). */
export const EXCHANGE_EXPORT_FORMATS = ['qdpx', 'stix', 'ftm', 'csl', 'bibtex', 'ris'] as const;
export const EXCHANGE_IMPORT_FORMATS = ['qdpx', 'csl'] as const;
export type ExchangeExportFormat = (typeof EXCHANGE_EXPORT_FORMATS)[number];

/** The file name each export suggests (the save dialog's default, the CLI's without --out, the browser download's). */
export const EXCHANGE_FILE_NAMES: Record<ExchangeExportFormat, string> = {
  qdpx: 'workspace.qdpx', stix: 'workspace.stix.json', ftm: 'workspace.ftm.json', csl: 'references.json', bibtex: 'references.bib', ris: 'references.ris',
};

/** A .qdpx of up to 50 MB is ~67 MB of base64. */
const MAX_BASE64 = 70 * 1024 * 1024;

export const exchangeApi = {
  'exports.exchange': method<ExportedFile>()({ request: z.object({ format: z.enum(EXCHANGE_EXPORT_FORMATS) }).strict(), errors: ['unsupported'] }),
  'imports.exchange': method<ExchangeImportReport>()({
    request: z.object({ format: z.enum(EXCHANGE_IMPORT_FORMATS), fileName: text(500).default(''), dataBase64: z.string().max(MAX_BASE64) }).strict(),
    errors: ['import_rejected'],
  }),
};
