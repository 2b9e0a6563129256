/**
 * REFI-QDA project export (.qdpx, standard 1.5, schema Project-mrt2019.xsd): a zip of project.qde and each source's
 * text as sources/<GUID>.txt. Tags become the code tree, highlights PlainTextSelections with one Coding per tag, and
 * highlight notes Notes (memos) the selection points at with NoteRef. Positions count code points (REFI-QDA counts
 * characters of the plain text file, not UTF-16 units), so a passage after "😀" lands on the same characters.
 */
import { zipSync, strToU8 } from 'fflate';
import type { Highlight, Source, Tag } from '../../../shared/domain/types';
import type { ExportedFile } from '../../../shared/contract/views-dossiers';
import { utf16ToCodePoints } from '../../../shared/exchange/code-points';
import { attrs, xmlText } from '../../../shared/exchange/xml';
import { guidFor } from './guid';
import type { ExchangeInput } from './types';

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';
const ORIGIN = 'Analyst Workbench';
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

const when = (t: string | undefined): string | undefined => (t && DATE_TIME.test(t) ? t : undefined);

/** One line of what the analyst knows about the source, for the QDA tool's description field. */
function describeSource(s: Source): string {
  const m = s.meta;
  return [m.authors.join(', '), m.publisher, m.publishedAt, m.url, m.language && `language: ${m.language}`, `reliability: ${s.reliability}`]
    .filter(Boolean).join(' · ');
}

export function exportQdpx(input: ExchangeInput): ExportedFile {
  const ws = input.workspaceId;
  const g = (kind: string, id: string) => guidFor(ws, kind, id);
  const user = g('user', 'analyst');
  const tags = input.records.tags;
  const tagIds = new Set(tags.map((t) => t.id));

  // The code tree: children under their parent, a tag whose parent is gone at the top; a cycle is broken where found.
  const children = new Map<string | null, Tag[]>();
  for (const t of tags) {
    const parent = t.parentId && tagIds.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const placed = new Set<string>();
  const codeXml = (t: Tag, depth: number): string => {
    placed.add(t.id);
    const pad = '  '.repeat(depth);
    const kids = (children.get(t.id) ?? []).filter((k) => !placed.has(k.id));
    const open = `${pad}<Code${attrs([['guid', g('code', t.id)], ['name', t.name], ['isCodable', true], ['color', COLOR.test(t.color) ? t.color : undefined]])}`;
    if (kids.length === 0) return `${open}/>`;
    return `${open}>\n${kids.map((k) => codeXml(k, depth + 1)).join('\n')}\n${pad}</Code>`;
  };
  const roots = (children.get(null) ?? []).map((t) => codeXml(t, 4));
  for (const t of tags) if (!placed.has(t.id)) roots.push(codeXml(t, 4)); // parents in a cycle

  const files: Record<string, Uint8Array> = {};
  const notes: string[] = [];
  const sourcesXml: string[] = [];
  const bySource = new Map<string, Highlight[]>();
  for (const h of input.records.highlights) bySource.set(h.sourceId, [...(bySource.get(h.sourceId) ?? []), h]);

  for (const s of input.records.sources) {
    const text = input.textOf(s.contentHash);
    if (text === null) continue; // a damaged text cannot be exported; the rest of the project still is
    const guid = g('source', s.id);
    files[`sources/${guid}.txt`] = strToU8(text);
    // Area highlights (figures) have no characters to select.
    const hs = (bySource.get(s.id) ?? []).filter((h) => h.position.end > h.position.start && h.position.end <= text.length)
      .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end || a.id.localeCompare(b.id));
    const points = utf16ToCodePoints(text, hs.flatMap((h) => [h.position.start, h.position.end]));
    const selections = hs.map((h, i) => {
      const codings = h.tagIds.filter((t) => tagIds.has(t)).map((t) =>
        `        <Coding${attrs([['guid', g('coding', `${h.id}/${t}`)], ['creatingUser', user], ['creationDateTime', when(h.createdAt)]])}>\n`
        + `          <CodeRef targetGUID="${g('code', t)}"/>\n        </Coding>`);
      let noteRef = '';
      if (h.note.trim() !== '') {
        const noteGuid = g('note', h.id);
        const label = h.quote.exact.replace(/\s+/g, ' ').slice(0, 60);
        notes.push(`    <Note${attrs([['guid', noteGuid], ['name', `Memo: ${label}`], ['creatingUser', user], ['creationDateTime', when(h.createdAt)],
          ['modifyingUser', user], ['modifiedDateTime', when(h.updatedAt)]])}>\n      <PlainTextContent>${xmlText(h.note)}</PlainTextContent>\n    </Note>`);
        noteRef = `        <NoteRef targetGUID="${noteGuid}"/>`;
      }
      const body = [...codings, noteRef].filter(Boolean);
      const open = `      <PlainTextSelection${attrs([['guid', g('selection', h.id)], ['name', h.quote.exact.replace(/\s+/g, ' ').slice(0, 200)],
        ['startPosition', points[2 * i]], ['endPosition', points[2 * i + 1]], ['creatingUser', user], ['creationDateTime', when(h.createdAt)],
        ['modifyingUser', user], ['modifiedDateTime', when(h.updatedAt)]])}`;
      return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n      </PlainTextSelection>`;
    });
    const description = describeSource(s);
    sourcesXml.push(`    <TextSource${attrs([['guid', guid], ['name', s.meta.title || s.fileName || 'Untitled'], ['plainTextPath', `internal://${guid}.txt`],
      ['creatingUser', user], ['creationDateTime', when(s.createdAt)], ['modifyingUser', user], ['modifiedDateTime', when(s.updatedAt)]])}>\n`
      + (description ? `      <Description>${xmlText(description)}</Description>\n` : '')
      + selections.map((x) => `${x}\n`).join('')
      + '    </TextSource>');
  }

  const at = when(input.generatedAt);
  const qde = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${QDE_NAMESPACE}"${attrs([['name', 'Analyst Workbench workspace'], ['origin', ORIGIN], ['creatingUserGUID', user],
      ['creationDateTime', at], ['modifyingUserGUID', user], ['modifiedDateTime', at]])}>`,
    '  <Users>',
    `    <User guid="${user}" name="Analyst"/>`,
    '  </Users>',
    // The schema wants at least one Code inside Codes, and at least one source or note in their lists: empty ones are left out.
    ...(roots.length ? ['  <CodeBook>', '    <Codes>', ...roots, '    </Codes>', '  </CodeBook>'] : []),
    ...(sourcesXml.length ? ['  <Sources>', ...sourcesXml, '  </Sources>'] : []),
    ...(notes.length ? ['  <Notes>', ...notes, '  </Notes>'] : []),
    '</Project>',
    '',
  ].join('\n');
  files['project.qde'] = strToU8(qde);
  // A fixed timestamp for the zip entries: exporting an unchanged workspace twice gives the same bytes.
  const zip = zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  return { fileName: 'workspace.qdpx', mimeType: 'application/zip', dataBase64: Buffer.from(zip).toString('base64') };
}
