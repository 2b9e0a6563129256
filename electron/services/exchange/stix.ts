/** STIX 2.1 exporter: the pure mapping in shared/exchange/stix.ts, written as one JSON bundle. */
import { buildStixBundle } from '../../../shared/exchange/stix';
import type { Exporter } from './types';

export const exportStix: Exporter = (input) => ({
  fileName: 'workspace.stix.json',
  mimeType: 'application/stix+json;version=2.1',
  dataBase64: Buffer.from(`${JSON.stringify(buildStixBundle(input), null, 2)}\n`, 'utf8').toString('base64'),
});
