/** Exchange exports (REFI-QDA, STIX, FtM, CSL-JSON, BibTeX, RIS) and imports (REFI-QDA, CSL-JSON): call the contract, refresh. */
import type { ExchangeExportFormat } from '../../../shared/contract/api-exchange';
import type { ExportedFile } from '../../../shared/contract/views-dossiers';
import type { ExchangeImportReport } from '../../../shared/contract/views-exchange';
import { isAnalysisKey } from './analysisHooks';
import { callApi, queryCache } from './client';
import { anyOf, keys } from './queries';

export const EXCHANGE_LABELS: Record<ExchangeExportFormat, string> = {
  qdpx: 'REFI-QDA (ATLAS.ti, MAXQDA, NVivo…)', stix: 'STIX 2.1 (threat intelligence)', ftm: 'FollowTheMoney (Aleph)',
  csl: 'CSL-JSON (Zotero)', bibtex: 'BibTeX', ris: 'RIS',
};

export async function exportExchange(format: ExchangeExportFormat): Promise<ExportedFile | null> {
  const reply = await callApi('exports.exchange', { format }, `Could not export ${format.toUpperCase()}`);
  return reply.ok ? reply.value : null;
}

/** An import adds sources, tags and highlights (REFI-QDA) or changes source details (CSL-JSON): refresh what shows them. */
export async function importExchange(format: 'qdpx' | 'csl', fileName: string, dataBase64: string): Promise<ExchangeImportReport | null> {
  const title = format === 'qdpx' ? 'Could not import the REFI-QDA project' : 'Could not import the references';
  const reply = await callApi('imports.exchange', { format, fileName, dataBase64 }, title);
  if (reply.ok) await queryCache.invalidate(anyOf(keys.edited, keys.highlights, keys.readers, keys.sources, keys.tags, keys.workspace, isAnalysisKey));
  return reply.ok ? reply.value : null;
}
