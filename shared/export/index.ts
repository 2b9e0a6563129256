/** Export/import formats: W3C Web Annotation JSON-LD and GraphML. */
export { toW3CAnnotation, toW3CCollection } from './w3c';
export type { W3CAnnotationContext, W3CExportInput } from './w3c';
export { parseW3CAnnotations, matchAnnotationsToSource } from './w3cImport';
export type { AnchorFn, AnchorSelectors, MatchableSource, MatchResult, ParsedAnnotation, ParseError } from './w3cImport';
export {
  ANNO_CONTEXT,
  childIri,
  hashFromIri,
  hashIri,
  normalizeHttpUrl,
  sourceIri,
  tagPath,
} from './w3cModel';
export type { W3CAnnotation, W3CAnnotationCollection, W3CAnnotationPage, W3CSpecificResource } from './w3cModel';
export { toGraphML, escapeXmlAttr, escapeXmlText, stripInvalidXmlChars, GRAPHML_ALIAS_SEPARATOR } from './graphml';
