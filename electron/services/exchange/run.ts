/** Runs one exchange export or import against the open workbench: what the API handlers and the CLI both call. */
import { ok } from '../../../shared/domain/result';
import type { ExportedFile } from '../../../shared/contract/views-dossiers';
import type { ExchangeImportReport } from '../../../shared/contract/views-exchange';
import { fail, type ServiceResult, type Workbench } from '../workbench/workbench';
import { EXCHANGE_EXPORTERS } from './index';
import { exchangeInputOf } from './input';
import { importCslJson } from './csl-import';
import { importQdpx } from './qdpx-import';
import type { ExchangeFormat } from './types';

export async function exportExchange(wb: Workbench, format: ExchangeFormat): Promise<ServiceResult<ExportedFile, 'unsupported'>> {
  try {
    return ok(await EXCHANGE_EXPORTERS[format](exchangeInputOf(wb)));
  } catch (e) {
    // A format whose exporter is not there yet says so; any other failure is a defect and goes up as one.
    if (/not built yet/.test((e as Error).message)) return fail('unsupported', `Export to ${format.toUpperCase()} is not available yet.`);
    throw e;
  }
}

export function importExchange(
  wb: Workbench, format: 'qdpx' | 'csl', fileName: string, bytes: Uint8Array,
): ServiceResult<ExchangeImportReport, 'import_rejected'> {
  if (format === 'qdpx') return importQdpx(wb, fileName, bytes);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('import_rejected', 'The file is not UTF-8 text, so it is not CSL-JSON.');
  }
  return importCslJson(wb, json);
}
