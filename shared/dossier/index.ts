/** Dossiers, pure: resolution of records and citations, the one HTML rendering, Markdown and JSON, auto-draft planning. */
export type * from './model';
export { resolveDossier, type ResolveOptions } from './resolve';
export { renderDossierHtml, sectionHeading, type HtmlOptions } from './render-html';
export { renderDossierMarkdown } from './render-markdown';
export { renderDossierJson, DOSSIER_JSON_FORMAT, type DossierJson } from './render-json';
export { planDraft, draftTitle, findSubjects, type DraftPlan } from './draft';
export { exportFileName } from './file-name';
export { escHtml } from './escape';
export { paragraphAt, formatLocation, openingWords } from './location';
export { layoutGraph } from './graph-layout';
export { RELIABILITY_MEANING, CREDIBILITY_MEANING } from './admiralty';
