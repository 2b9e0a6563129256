/** The exchange exporters by format (issue 17): each lives in its own module; this table is what the API and CLI call. */
import type { ExchangeFormat, Exporter } from './types';

const notBuilt = (format: ExchangeFormat): Exporter => () => {
  throw new Error(`export to ${format} is not built yet`);
};

export const EXCHANGE_EXPORTERS: Record<ExchangeFormat, Exporter> = {
  qdpx: notBuilt('qdpx'),
  stix: notBuilt('stix'),
  ftm: notBuilt('ftm'),
  csl: notBuilt('csl'),
  bibtex: notBuilt('bibtex'),
  ris: notBuilt('ris'),
};
