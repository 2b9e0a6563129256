/** Text anchoring for highlights: offsets, normalisation, selector description and re-anchoring. */
export * from './offsets';
export * from './describe';
export * from './fold';
export * from './word-boundaries';
export * from './anchor';
export * from './search';
export * from './occurrences';
