/** Splits a search snippet into plain and matched pieces from the hit's `matches` ranges (overlaps merged, bad ranges dropped). */

export interface SnippetPiece {
  text: string;
  match: boolean;
}

export function snippetPieces(snippet: string, matches: ReadonlyArray<{ start: number; end: number }>): SnippetPiece[] {
  const ranges = matches
    .map((m) => ({ start: Math.max(0, m.start), end: Math.min(snippet.length, m.end) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const pieces: SnippetPiece[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) pieces.push({ text: snippet.slice(at, r.start), match: false });
    pieces.push({ text: snippet.slice(r.start, r.end), match: true });
    at = r.end;
  }
  if (at < snippet.length) pieces.push({ text: snippet.slice(at), match: false });
  return pieces;
}
