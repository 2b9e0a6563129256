/** Public surface of the source import service. */
export { importBytes, importPastedText, kindFromFileName, type ImportResult } from './importBytes';
export {
  DEFAULT_MAX_BYTES, MAX_LINE_CHARS, REJECTION_REASONS,
  type ImportOptions, type ImportRejection, type ImportedDocument, type RejectionReason,
} from './types';
export { normaliseText } from './normalise';
export { guessTitle } from './titleGuess';
