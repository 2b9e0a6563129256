/** The exchange exporters by format (issue 17): each lives in its own module; this table is what the API and CLI call. */
import type { ExchangeFormat, Exporter } from './types';
import { exportStix } from './stix';
import { exportFtm } from './ftm';
import { exportQdpx } from './qdpx';
import { exportBibTeX, exportCsl, exportRis } from './references';

export const EXCHANGE_EXPORTERS: Record<ExchangeFormat, Exporter> = {
  qdpx: exportQdpx,
  stix: exportStix,
  ftm: exportFtm,
  csl: exportCsl,
  bibtex: exportBibTeX,
  ris: exportRis,
};
