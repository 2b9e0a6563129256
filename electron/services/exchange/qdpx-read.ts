/**
 * Reads a .qdpx archive as written by a QDA tool: the zip (with size limits checked before anything is inflated),
 * project.qde parsed and checked against the parts of the REFI-QDA schema the import relies on, into a small model.
 * Every refusal is a sentence naming what is wrong and where; nothing here touches the workspace.
 */
import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok, type Result } from '../../../shared/domain/result';
import { QDE_NAMESPACE } from './qdpx';

export const QDPX_LIMITS = {
  /** The archive itself (what the API accepts). */
  archiveBytes: 50 * 1024 * 1024,
  /** Everything the import inflates, as the archive declares it. */
  totalInflated: 200 * 1024 * 1024,
  /** One entry (project.qde or one source text). */
  entryInflated: 50 * 1024 * 1024,
  entries: 20_000,
  /** A deflate stream cannot shrink text by much more than 1:1000; a larger claim is a zip bomb. */
  maxRatio: 1100,
};

export interface QdeCode { guid: string; name: string; color: string | null; children: QdeCode[] }
export interface QdeSelection { guid: string; name: string; start: number; end: number; codeGuids: string[]; noteGuids: string[]; created: string | null }
export interface QdeTextSource {
  guid: string; name: string; content: string | null; path: string | null;
  selections: QdeSelection[]; noteGuids: string[]; sourceCodings: number; created: string | null;
}
export interface QdeNote { guid: string; name: string; text: string }
export interface QdeProject {
  name: string;
  codes: QdeCode[];
  sources: QdeTextSource[];
  notes: Map<string, QdeNote>;
  /** Sources of a kind the workbench does not import (PDF, picture, audio, video), by name. */
  otherSources: Array<{ kind: string; name: string }>;
}
export interface QdpxArchive { project: QdeProject; files: Map<string, Uint8Array> }

const GUID = /^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const INTEGER = /^[+-]?\d+$/;
const ARRAYS = new Set(['User', 'Code', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource', 'PlainTextSelection',
  'Coding', 'NoteRef', 'Note', 'Case', 'Set', 'Variable', 'VariableValue', 'Link', 'Graph', 'Vertex', 'Edge', 'Transcript', 'PDFSelection',
  'PictureSelection', 'AudioSelection', 'VideoSelection', 'SyncPoint', 'TranscriptSelection', 'CodeRef', 'SourceRef', 'SelectionRef',
  'MemberCode', 'MemberSource', 'MemberNote', 'Representation', 'TextDescription']);
const PROJECT_CHILDREN = new Set(['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'NoteRef']);
const TEXT_SOURCE_CHILDREN = new Set(['Description', 'PlainTextContent', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue']);

type Node = Record<string, unknown>;
class Invalid extends Error {}

/** Guid normalised to lower case without braces: the same GUID written two ways is one GUID. */
const guidKey = (g: string): string => g.replace(/[{}]/g, '').toLowerCase();

const elements = (n: Node, name: string): Node[] =>
  ((n[name] as unknown[] | undefined) ?? []).map((x) => (typeof x === 'object' && x !== null ? (x as Node) : {}));
const element = (n: Node, name: string): Node | null => {
  const v = n[name];
  if (v === undefined) return null;
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'object' && one !== null ? (one as Node) : {};
};
const textOf = (n: Node, name: string): string | null => {
  const v = n[name];
  if (v === undefined) return null;
  const one = Array.isArray(v) ? v[0] : v;
  if (typeof one === 'string' || typeof one === 'number') return String(one);
  return typeof one === 'object' && one !== null && '#text' in one ? String((one as Node)['#text']) : '';
};
const attr = (n: Node, name: string): string | null => (typeof n[`@_${name}`] === 'string' ? (n[`@_${name}`] as string) : null);

function required(n: Node, name: string, element: string, where: string): string {
  const v = attr(n, name);
  if (v === null) throw new Invalid(`${element}${where} has no ${name} attribute, which the REFI-QDA schema requires.`);
  return v;
}
function guidOf(n: Node, element: string, where = ''): string {
  const v = required(n, 'guid', element, where).trim();
  if (!GUID.test(v)) throw new Invalid(`${element}${where} has guid “${v.slice(0, 60)}”, which is not a GUID (the REFI-QDA schema requires one).`);
  return guidKey(v);
}
function refOf(n: Node, element: string, where: string): string {
  const v = required(n, 'targetGUID', element, where).trim();
  if (!GUID.test(v)) throw new Invalid(`${element}${where} points at “${v.slice(0, 60)}”, which is not a GUID.`);
  return guidKey(v);
}
function onlyChildren(n: Node, allowed: Set<string>, element: string): void {
  for (const k of Object.keys(n)) {
    if (k.startsWith('@_') || k === '#text') continue;
    if (!allowed.has(k)) throw new Invalid(`<${k}> is not allowed inside <${element}> by the REFI-QDA schema.`);
  }
}
const dateOf = (n: Node): string | null => {
  const v = attr(n, 'creationDateTime');
  return v !== null && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null;
};
function intOf(n: Node, name: string, where: string): number {
  const v = required(n, name, 'PlainTextSelection', where).trim();
  if (!INTEGER.test(v)) throw new Invalid(`PlainTextSelection${where} has ${name} “${v.slice(0, 30)}”, which is not an integer.`);
  return Number(v);
}

function readCode(n: Node, depth: number): QdeCode {
  if (depth > 100) throw new Invalid('The code tree is nested more than 100 levels deep.');
  const guid = guidOf(n, 'Code');
  const name = required(n, 'name', 'Code', ` ${guid}`);
  const codable = required(n, 'isCodable', 'Code', ` “${name}”`);
  if (!/^(true|false|1|0)$/.test(codable.trim())) throw new Invalid(`Code “${name}” has isCodable “${codable}”, which is not a boolean.`);
  const color = attr(n, 'color');
  const hex = color && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(color.trim()) ? color.trim() : null;
  const full = hex && hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  return { guid, name, color: full ? full.toLowerCase() : null, children: elements(n, 'Code').map((c) => readCode(c, depth + 1)) };
}

function readTextSource(n: Node): QdeTextSource {
  const guid = guidOf(n, 'TextSource');
  const name = attr(n, 'name') ?? '';
  const where = ` “${name || guid}”`;
  onlyChildren(n, TEXT_SOURCE_CHILDREN, 'TextSource');
  const content = textOf(n, 'PlainTextContent');
  const path = attr(n, 'plainTextPath');
  if ((content === null) === (path === null)) {
    throw new Invalid(`TextSource${where} must have either PlainTextContent or plainTextPath, not ${content === null ? 'neither' : 'both'}.`);
  }
  const selections = elements(n, 'PlainTextSelection').map((s): QdeSelection => {
    const sg = guidOf(s, 'PlainTextSelection', ` in${where}`);
    const at = ` ${sg} in${where}`;
    return {
      guid: sg, name: attr(s, 'name') ?? '', start: intOf(s, 'startPosition', at), end: intOf(s, 'endPosition', at), created: dateOf(s),
      codeGuids: elements(s, 'Coding').map((c) => {
        guidOf(c, 'Coding', ` in selection${at}`);
        const ref = element(c, 'CodeRef');
        if (!ref) throw new Invalid(`A Coding in selection${at} has no CodeRef, which the REFI-QDA schema requires.`);
        return refOf(ref, 'CodeRef', ` in selection${at}`);
      }),
      noteGuids: [...elements(s, 'NoteRef'), ...elements(s, 'Coding').flatMap((c) => elements(c, 'NoteRef'))].map((r) => refOf(r, 'NoteRef', ` in selection${at}`)),
    };
  });
  return {
    guid, name, content, path, selections, created: dateOf(n), sourceCodings: elements(n, 'Coding').length,
    noteGuids: elements(n, 'NoteRef').map((r) => refOf(r, 'NoteRef', ` in${where}`)),
  };
}

function readNote(n: Node): QdeNote {
  const guid = guidOf(n, 'Note');
  return { guid, name: attr(n, 'name') ?? '', text: textOf(n, 'PlainTextContent') ?? '' };
}

/** Parses and checks project.qde (text already decoded). */
export function parseQde(xml: string): Result<QdeProject, string> {
  if (/<!DOCTYPE/i.test(xml)) return err('project.qde declares a DTD (<!DOCTYPE …>), which REFI-QDA files do not use; it is refused rather than expanded.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return err(`project.qde is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`);
  const doc = new XMLParser({
    ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, removeNSPrefix: true,
    ignoreDeclaration: true, ignorePiTags: true, isArray: (name) => ARRAYS.has(name),
  }).parse(xml) as Node;
  const roots = Object.keys(doc).filter((k) => k !== '#text');
  if (roots.length !== 1 || roots[0] !== 'Project') return err(`project.qde has <${roots[0] ?? '?'}> as its root element; a REFI-QDA project has <Project>.`);
  // The prefix is gone (removeNSPrefix), the declaration stays as written: look for the namespace on the root tag.
  const rootTag = /<([A-Za-z_][\w.-]*:)?Project\b[^>]*>/.exec(xml)?.[0] ?? '';
  if (!rootTag.includes(QDE_NAMESPACE)) return err(`project.qde's <Project> is not in the REFI-QDA namespace ${QDE_NAMESPACE}.`);
  const p = element(doc, 'Project')!;
  try {
    onlyChildren(p, PROJECT_CHILDREN, 'Project');
    const name = required(p, 'name', 'Project', '');
    const codeBook = element(p, 'CodeBook');
    const codes = codeBook ? elements(element(codeBook, 'Codes') ?? {}, 'Code').map((c) => readCode(c, 0)) : [];
    const sourcesNode = element(p, 'Sources') ?? {};
    const otherSources = (['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'] as const)
      .flatMap((kind) => elements(sourcesNode, kind).map((s) => ({ kind: kind.replace('Source', ''), name: attr(s, 'name') ?? guidOf(s, kind) })));
    const notes = new Map(elements(element(p, 'Notes') ?? {}, 'Note').map((n) => readNote(n)).map((n) => [n.guid, n]));
    return ok({ name, codes, sources: elements(sourcesNode, 'TextSource').map(readTextSource), notes, otherSources });
  } catch (e) {
    if (e instanceof Invalid) return err(`project.qde does not follow the REFI-QDA schema: ${e.message}`);
    throw e;
  }
}

const fmt = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Opens the archive: project.qde first, then only the entries it refers to (`wanted` decides from the project). */
export function readQdpx(bytes: Uint8Array, wanted: (project: QdeProject) => Set<string>): Result<QdpxArchive, string> {
  if (bytes.length > QDPX_LIMITS.archiveBytes) return err(`The file is ${fmt(bytes.length)}; a .qdpx of up to ${fmt(QDPX_LIMITS.archiveBytes)} can be imported.`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    return err('The file is not a zip archive: a .qdpx project is a zip holding project.qde and a sources folder.');
  }
  const unzip = (want: (name: string) => boolean): Result<Map<string, Uint8Array>, string> => {
    let entries = 0;
    let total = 0;
    let refusal: string | null = null;
    try {
      const out = unzipSync(bytes, {
        filter: (f) => {
          if (refusal) return false;
          if (++entries > QDPX_LIMITS.entries) refusal = `The archive holds more than ${QDPX_LIMITS.entries} files.`;
          else if (!want(f.name)) return false;
          else if (f.originalSize > QDPX_LIMITS.entryInflated) refusal = `${f.name} would inflate to ${fmt(f.originalSize)}; the limit is ${fmt(QDPX_LIMITS.entryInflated)} per file.`;
          else if (f.originalSize > Math.max(1024 * 1024, f.size * QDPX_LIMITS.maxRatio)) refusal = `${f.name} claims to inflate ${fmt(f.size)} to ${fmt(f.originalSize)}, more than any text compresses: the archive looks like a zip bomb.`;
          else if ((total += f.originalSize) > QDPX_LIMITS.totalInflated) refusal = `The archive would inflate to more than ${fmt(QDPX_LIMITS.totalInflated)}.`;
          return refusal === null;
        },
      });
      return refusal ? err(refusal) : ok(new Map(Object.entries(out)));
    } catch (e) {
      return err(refusal ?? `The zip archive is damaged: ${(e as Error).message}.`);
    }
  };
  const first = unzip((name) => /^[^/]+\.qde$/i.test(name));
  if (!first.ok) return first;
  const qdeNames = [...first.value.keys()];
  if (qdeNames.length === 0) return err('The archive has no project.qde at its top level: it is not a REFI-QDA project.');
  if (qdeNames.length > 1) return err(`The archive has ${qdeNames.length} .qde files at its top level (${qdeNames.join(', ')}); a REFI-QDA project has one.`);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(first.value.get(qdeNames[0]!)!);
  } catch {
    return err(`${qdeNames[0]} is not UTF-8 text.`);
  }
  const project = parseQde(xml.replace(/^\uFEFF/, ''));
  if (!project.ok) return project;
  const names = wanted(project.value);
  if (names.size === 0) return ok({ project: project.value, files: new Map() });
  const rest = unzip((name) => names.has(name));
  return rest.ok ? ok({ project: project.value, files: rest.value }) : rest;
}
