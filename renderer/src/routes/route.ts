/** Hash routes of the workbench (#/library, #/reader/<id>?h=<highlightId>, #/tags/<tagId>): parse and format. */

export type Route =
  | { name: 'library' }
  | { name: 'reader'; sourceId: string; highlightId: string | null }
  | { name: 'tags'; tagId: string | null };

export type RouteName = Route['name'];

const decode = (part: string | undefined): string | null => {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

/** Unknown or malformed hashes fall back to the library, so a stale bookmark never shows a blank page. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const [head, second] = path.split('/');
  const params = new URLSearchParams(query);
  switch (head) {
    case 'reader': {
      const sourceId = decode(second);
      return sourceId ? { name: 'reader', sourceId, highlightId: params.get('h') || null } : { name: 'library' };
    }
    case 'tags':
      return { name: 'tags', tagId: decode(second) };
    default:
      return { name: 'library' };
  }
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/library';
    case 'reader': {
      const base = `#/reader/${encodeURIComponent(route.sourceId)}`;
      return route.highlightId ? `${base}?h=${encodeURIComponent(route.highlightId)}` : base;
    }
    case 'tags':
      return route.tagId ? `#/tags/${encodeURIComponent(route.tagId)}` : '#/tags';
  }
}
