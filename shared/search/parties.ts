/** A claim's parties (claimant, subjects) in the index: their indexed text, and which of them a query matched. */
import { findMatches, type SnippetRequest } from './snippet';
import type { ClaimParties, DocView, IndexedParty, MatchedParty } from './types';

/** The parties as stored with a claim's document (names trimmed, empty aliases dropped). */
export function indexedParties(parties: ClaimParties): IndexedParty[] {
  const out: IndexedParty[] = [];
  const add = (role: IndexedParty['role'], p: { name: string; aliases: readonly string[] }) =>
    out.push({ role, name: p.name.trim(), aliases: p.aliases.map((a) => a.trim()).filter((a) => a !== '') });
  if (parties.claimant) add('claimant', parties.claimant);
  for (const p of parties.about) add('about', p);
  return out;
}

/** The indexed text of the parties: one line per party, its name and aliases. */
export function partyText(doc: Pick<DocView, 'parties'>): string {
  return (doc.parties ?? []).map((p) => [p.name, ...p.aliases].join(' · ')).join('\n');
}

/**
 * The parties whose name (else an alias) holds a query match, claimant first; undefined when none does.
 * A name that does not match itself is shown with the matching alias: "Recep Tayyip Erdoğan (RTE)".
 */
export function matchedParties(doc: Pick<DocView, 'parties'>, request: SnippetRequest): MatchedParty[] | undefined {
  const out: MatchedParty[] = [];
  for (const p of doc.parties ?? []) {
    const inName = findMatches(p.name, request);
    if (inName.length > 0) {
      out.push({ field: p.role, text: p.name, matches: inName.map(({ start, end }) => ({ start, end })) });
      continue;
    }
    for (const alias of p.aliases) {
      const inAlias = findMatches(alias, request);
      if (inAlias.length === 0) continue;
      const shift = p.name.length + 2;
      out.push({ field: p.role, text: `${p.name} (${alias})`, matches: inAlias.map(({ start, end }) => ({ start: start + shift, end: end + shift })) });
      break;
    }
  }
  return out.length > 0 ? out : undefined;
}
