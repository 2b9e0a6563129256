/** Type a multiword name by its structure: heads ('… Council', '… Summit') and leads ('Ministry of …', 'Order of …'). */
import type { EntityType } from '../domain/types';
import {
  EVENT_HEADS, EVENT_LEADS, ORGANISATION_HEADS, ORGANISATION_LEADS, OTHER_HEADS, OTHER_LEADS, PLACE_HEADS, PLACE_LEADS,
} from './data/lexicon';

const LEAD_CONNECTORS = new Set(['of', 'on', 'for']);
/** Trailing words that do not change the head: 'World War II', 'Summit 2024'. */
const TRAILING_ORDINAL_RE = /^(?:[IVX]{1,4}|\d{1,4})$/;

/** The type a multiword name's structure implies, or null when it implies nothing. */
export function structuralType(words: readonly string[]): EntityType | null {
  if (words.length < 2) return null;
  // 'Ministry of Energy', 'European Bank for Reconstruction …': a lead word right before of/on/for.
  for (let i = 0; i + 2 < words.length; i += 1) {
    if (!LEAD_CONNECTORS.has(words[i + 1] ?? '')) continue;
    const lead = words[i]?.toLowerCase() ?? '';
    if (OTHER_LEADS.has(lead)) return 'other';
    if (EVENT_LEADS.has(lead)) return 'event';
    if (ORGANISATION_LEADS.has(lead)) return 'organisation';
    if (PLACE_LEADS.has(lead)) return 'place';
  }
  let lastIndex = words.length - 1;
  while (lastIndex > 0 && TRAILING_ORDINAL_RE.test(words[lastIndex] ?? '')) lastIndex -= 1;
  if (lastIndex < 1) return null;
  const head = words[lastIndex]?.toLowerCase() ?? '';
  if (ORGANISATION_HEADS.has(head)) return 'organisation';
  if (EVENT_HEADS.has(head)) return 'event';
  if (PLACE_HEADS.has(head)) return 'place';
  if (OTHER_HEADS.has(head)) return 'other';
  return null;
}
