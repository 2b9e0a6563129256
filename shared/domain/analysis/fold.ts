/** The folding key for names and aliases: one definition, shared with the entity suggester in shared/nlp. */
// Imported from the module itself rather than shared/nlp's index so these rules do not pull in the NLP pipeline.
export { foldForMatch } from '../../nlp/fold';
