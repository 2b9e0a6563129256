/** Contract methods of the exchange formats (issue 17): workspace exports for other tools, and REFI-QDA / CSL-JSON import. */
import { z } from 'zod';
import { method } from './define';
import { text } from './schemas';
import type { ExportedFile } from './views-dossiers';
import { EXCHANGE_EXPORT_FORMATS, EXCHANGE_IMPORT_FORMATS, type ExchangeImportReport } from './views-exchange';

export { EXCHANGE_EXPORT_FORMATS, EXCHANGE_IMPORT_FORMATS, EXCHANGE_FILE_NAMES, type ExchangeExportFormat } from './views-exchange';

/** A .qdpx of up to 50 MB is ~67 MB of base64. */
const MAX_BASE64 = 70 * 1024 * 1024;

export const exchangeApi = {
  'exports.exchange': method<ExportedFile>()({ request: z.object({ format: z.enum(EXCHANGE_EXPORT_FORMATS) }).strict(), errors: ['unsupported'] }),
  'imports.exchange': method<ExchangeImportReport>()({
    request: z.object({ format: z.enum(EXCHANGE_IMPORT_FORMATS), fileName: text(500).default(''), dataBase64: z.string().max(MAX_BASE64) }).strict(),
    errors: ['import_rejected'],
  }),
};
