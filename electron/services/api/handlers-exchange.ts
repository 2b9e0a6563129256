/** Serves the exchange methods of the contract: workspace exports for other tools, REFI-QDA and CSL-JSON import. */
import type { HandlersOf } from '../../../shared/contract/define';
import type { exchangeApi } from '../../../shared/contract/api-exchange';
import type { Workbench } from '../workbench/workbench';
import { exportExchange, importExchange } from '../exchange/run';

export function createExchangeHandlers(wb: Workbench): HandlersOf<typeof exchangeApi> {
  return {
    'exports.exchange': async ({ format }) => exportExchange(wb, format),
    'imports.exchange': async ({ format, fileName, dataBase64 }) => importExchange(wb, format, fileName, Buffer.from(dataBase64, 'base64')),
  };
}
