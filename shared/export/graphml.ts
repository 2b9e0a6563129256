/** Entities + relationships -> GraphML (directed) that Gephi and networkx.read_graphml open. */
import type { Entity, Relationship } from '../domain/types';

type GraphMLType = 'string' | 'int' | 'double' | 'boolean';

interface KeyDef {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: GraphMLType;
}

/** Key ids are fixed so repeated exports diff cleanly; attr.type names are those networkx maps. */
const NODE_KEYS: KeyDef[] = [
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_type', for: 'node', name: 'type', type: 'string' },
  { id: 'n_aliases', for: 'node', name: 'aliases', type: 'string' },
  { id: 'n_description', for: 'node', name: 'description', type: 'string' },
];

const EDGE_KEYS: KeyDef[] = [
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_confidence', for: 'edge', name: 'confidence', type: 'double' },
  // Gephi reads an edge attribute named "weight" as the edge weight.
  { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'e_startDate', for: 'edge', name: 'startDate', type: 'string' },
  { id: 'e_endDate', for: 'edge', name: 'endDate', type: 'string' },
  { id: 'e_note', for: 'edge', name: 'note', type: 'string' },
  { id: 'e_evidenceCount', for: 'edge', name: 'evidenceCount', type: 'int' },
  { id: 'e_evidenced', for: 'edge', name: 'evidenced', type: 'boolean' },
];

/** Separator of the aliases list inside one string attribute (GraphML has no list type). */
export const GRAPHML_ALIAS_SEPARATOR = '; ';

/**
 * Removes what XML 1.0 cannot carry at all, even escaped: C0 controls other than tab/LF/CR,
 * U+FFFE/U+FFFF and unpaired surrogates.
 */
export function stripInvalidXmlChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out += text.slice(i, ++i + 1);
      continue;
    }
    const invalid =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      (code >= 0xdc00 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff;
    if (!invalid) out += text[i];
  }
  return out;
}

/** Escapes text content; CR is written as a reference so parsers do not fold CRLF into LF. */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; whitespace is referenced because attribute normalisation would turn it into spaces. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

type Value = string | number | boolean;

/** One <data> line; empty strings and non-finite numbers are left out so readers see "no value". */
function data(key: string, value: Value): string {
  if (typeof value === 'string' && value === '') return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  const text = typeof value === 'string' ? escapeXmlText(value) : String(value);
  return `      <data key="${key}">${text}</data>\n`;
}

function keyLine(k: KeyDef): string {
  return `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>\n`;
}

function nodeXml(e: Entity): string {
  const body =
    data('n_label', e.name) +
    data('n_type', e.type) +
    data('n_aliases', e.aliases.filter((a) => a.trim()).join(GRAPHML_ALIAS_SEPARATOR)) +
    data('n_description', e.description);
  return `    <node id="${escapeXmlAttr(e.id)}">\n${body}    </node>\n`;
}

function edgeXml(r: Relationship): string {
  const evidenceCount = r.evidenceHighlightIds.length + r.evidenceClaimIds.length;
  const body =
    data('e_label', r.type) +
    data('e_type', r.type) +
    data('e_confidence', r.confidence) +
    data('e_weight', r.confidence) +
    data('e_startDate', r.startDate) +
    data('e_endDate', r.endDate) +
    data('e_note', r.note) +
    data('e_evidenceCount', evidenceCount) +
    data('e_evidenced', evidenceCount > 0);
  const attrs = `id="${escapeXmlAttr(r.id)}" source="${escapeXmlAttr(r.fromId)}" target="${escapeXmlAttr(r.toId)}"`;
  return `    <edge ${attrs}>\n${body}    </edge>\n`;
}

/**
 * The graph as GraphML. Node ids are entity ids and edge ids relationship ids (stable across
 * exports); relationships whose endpoints are not among `entities` are left out, because GraphML
 * readers would otherwise invent attribute-less nodes.
 */
export function toGraphML(graph: { entities: Entity[]; relationships: Relationship[] }): string {
  const nodeIds = new Set(graph.entities.map((e) => e.id));
  const edges = graph.relationships.filter((r) => nodeIds.has(r.fromId) && nodeIds.has(r.toId));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    [...NODE_KEYS, ...EDGE_KEYS].map(keyLine).join('') +
    '  <graph id="G" edgedefault="directed">\n' +
    graph.entities.map(nodeXml).join('') +
    edges.map(edgeXml).join('') +
    '  </graph>\n' +
    '</graphml>\n'
  );
}
