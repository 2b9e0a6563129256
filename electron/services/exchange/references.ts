/** The reference exporters (CSL-JSON, BibTeX, RIS): every source of the workspace, oldest first. */
import type { ExportedFile } from '../../../shared/contract/views-dossiers';
import { referenceOf, toBibTeX, toCslJson, toRis } from '../../../shared/exchange/references';
import type { ExchangeInput } from './types';

const file = (fileName: string, mimeType: string, text: string): ExportedFile =>
  ({ fileName, mimeType, dataBase64: Buffer.from(text, 'utf8').toString('base64') });

const refs = (input: ExchangeInput) => input.records.sources.map(referenceOf);

export const exportCsl = (input: ExchangeInput): ExportedFile => file('references.json', 'application/vnd.citationstyles.csl+json', toCslJson(refs(input)));
export const exportBibTeX = (input: ExchangeInput): ExportedFile => file('references.bib', 'application/x-bibtex', toBibTeX(refs(input)));
export const exportRis = (input: ExchangeInput): ExportedFile => file('references.ris', 'application/x-research-info-systems', toRis(refs(input)));
