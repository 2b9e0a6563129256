/** Loading the saved index: a document's record id and body point at the workspace's own equal strings. */
import type { WorkspaceState } from '../../../shared/domain/state';
import type { DocTuple } from '../../../shared/search/serialize';

/**
 * Points a loaded document's record id and body at the workspace's own equal strings (a highlight's quote, a claim's
 * statement…), as a built index does: the file's copies of them were ~30 MB of heap at 100k. Values never change:
 * a string is swapped only for an equal one, so a record edited meanwhile just keeps the file's copy.
 */
export function shareWorkspaceStrings(s: WorkspaceState, d: DocTuple): void {
  const id = d[2];
  let own: { id: string } | undefined;
  let text: string | undefined;
  switch (d[1]) {
    case 'highlight': {
      const h = s.get('highlights', id);
      own = h;
      text = h?.quote.exact;
      break;
    }
    case 'claim': {
      const c = s.get('claims', id);
      own = c;
      text = c?.statement;
      break;
    }
    case 'entity': {
      const e = s.get('entities', id);
      own = e;
      text = e?.description;
      break;
    }
    case 'dossier':
      own = s.get('dossiers', id);
      break;
    default:
      own = s.get('sources', id);
  }
  if (own && own.id === id) d[2] = own.id;
  if (text !== undefined && text === d[5]) d[5] = text;
}
