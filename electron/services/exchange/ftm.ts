/** FollowTheMoney exporter: the pure mapping in shared/exchange/ftm.ts, written as JSON lines (one entity a line). */
import { buildFtmEntities, ftmJsonLines } from '../../../shared/exchange/ftm';
import type { Exporter } from './types';

export const exportFtm: Exporter = (input) => ({
  fileName: 'workspace.ftm.jsonl',
  mimeType: 'application/x-ndjson',
  dataBase64: Buffer.from(ftmJsonLines(buildFtmEntities(input)), 'utf8').toString('base64'),
});
