/** toGraphML: well-formed, typed GraphML whose nodes, edges and attributes read back intact. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttr, stripInvalidXmlChars, toGraphML } from '../../../shared/export';
import { ENTITIES, RELATIONSHIPS } from './fixtures';

interface XmlData { '@_key': string; '#text'?: string }
interface XmlElement { '@_id': string; '@_source'?: string; '@_target'?: string; data?: XmlData[] }
interface XmlKey { '@_id': string; '@_for': string; '@_attr.name': string; '@_attr.type': string }

const xml = toGraphML({ entities: ENTITIES, relationships: RELATIONSHIPS });
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
});
const doc = parser.parse(xml) as { graphml: { key: XmlKey[]; graph: { '@_edgedefault': string; node: XmlElement[]; edge: XmlElement[] } } };
const { key: keys, graph } = doc.graphml;

/** Attribute name -> text of an element, through its <key> declarations (as networkx reads it). */
function attrsOf(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of el.data ?? []) {
    const k = keys.find((x) => x['@_id'] === d['@_key']);
    if (!k) throw new Error(`undeclared key ${d['@_key']}`);
    out[k['@_attr.name']] = d['#text'] ?? '';
  }
  return out;
}
const node = (id: string): XmlElement | undefined => graph.node.find((n) => n['@_id'] === id);
const edge = (id: string): XmlElement | undefined => graph.edge.find((e) => e['@_id'] === id);

describe('toGraphML', () => {
  it('is well-formed XML with the GraphML namespace and a directed graph', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    expect(graph['@_edgedefault']).toBe('directed');
  });

  it('declares typed keys with the attr.type names networkx knows', () => {
    const declared = keys.map((k) => `${k['@_for']}:${k['@_attr.name']}:${k['@_attr.type']}`);
    expect(declared).toEqual([
      'node:label:string', 'node:type:string', 'node:aliases:string', 'node:description:string',
      'edge:label:string', 'edge:type:string', 'edge:confidence:double', 'edge:weight:double',
      'edge:startDate:string', 'edge:endDate:string', 'edge:note:string', 'edge:evidenceCount:int', 'edge:evidenced:boolean',
    ]);
    for (const k of keys) expect(['string', 'int', 'double', 'boolean']).toContain(k['@_attr.type']);
  });

  it('writes one node per entity with stable ids and Unicode intact', () => {
    expect(graph.node.map((n) => n['@_id'])).toEqual(['e-erdogan', 'e-botas', 'e-ankara']);
    expect(attrsOf(node('e-erdogan') as XmlElement)).toEqual({
      label: 'Recep Tayyip Erdoğan', type: 'person', aliases: 'Erdoğan; RTE', description: 'President of Türkiye 🇹🇷',
    });
  });

  it('escapes <&"> so names read back exactly', () => {
    expect(attrsOf(node('e-botas') as XmlElement).label).toBe('BOTAŞ <Petroleum Pipeline Corp> & "Co"');
    expect(attrsOf(edge('r-leads') as XmlElement).note).toBe('Via the ministry "oversight" <board> & decree');
    expect(xml).not.toContain('<Petroleum');
  });

  it('strips characters XML 1.0 cannot carry', () => {
    expect(attrsOf(node('e-ankara') as XmlElement).description).toBe('Capital with a bell char and a lone  surrogate');
    expect(xml.includes('\u0007')).toBe(false);
    expect(stripInvalidXmlChars('a\u0000b\uFFFEc\uD83D\uDE80d\uDC00')).toBe('abc\uD83D\uDE80d');
    expect(escapeXmlAttr('x"\n\t<y>')).toBe('x&quot;&#10;&#9;&lt;y&gt;');
  });

  it('writes edges with typed values and leaves out empty ones and dangling edges', () => {
    expect(graph.edge.map((e) => [e['@_id'], e['@_source'], e['@_target']])).toEqual([
      ['r-leads', 'e-erdogan', 'e-botas'],
      ['r-based', 'e-botas', 'e-ankara'],
    ]);
    expect(attrsOf(edge('r-leads') as XmlElement)).toEqual({
      label: 'controls', type: 'controls', confidence: '0.85', weight: '0.85', startDate: '2014-08',
      note: 'Via the ministry "oversight" <board> & decree', evidenceCount: '3', evidenced: 'true',
    });
    expect(attrsOf(edge('r-based') as XmlElement)).toEqual({
      label: 'located_in', type: 'located_in', confidence: '1', weight: '1', startDate: '1974', endDate: '2024-05-01',
      evidenceCount: '0', evidenced: 'false',
    });
  });

  it('keeps newlines in text and carriage returns as references', () => {
    const out = toGraphML({
      entities: [{ ...ENTITIES[0], id: 'a"b', description: 'line 1\r\nline 2' } as (typeof ENTITIES)[number]],
      relationships: [],
    });
    expect(out).toContain('<node id="a&quot;b">');
    expect(out).toContain('line 1&#13;\nline 2');
    expect(XMLValidator.validate(out)).toBe(true);
  });
});
