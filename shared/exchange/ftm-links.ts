/** Our relationship types → FollowTheMoney interval schemas (the table docs/exchange.md documents), chosen by type and by the two ends' schemas. */
import { foldTagName } from './snapshot';

export interface FtmLinkChoice {
  schema: string;
  /** Property names for the relationship's from and to ends. */
  from: string;
  to: string;
  /** The property holding our label ('role' or 'relationship'). */
  label: 'role' | 'relationship';
}

/** Schema ancestry the choice needs (a Company is an Organization is a LegalEntity). */
const LEGAL = new Set(['Person', 'Organization', 'Company']);
const ORG = new Set(['Organization', 'Company']);
const is = (schema: string, kind: 'legal' | 'org' | 'person' | 'company') =>
  kind === 'legal' ? LEGAL.has(schema) : kind === 'org' ? ORG.has(schema) : kind === 'person' ? schema === 'Person' : schema === 'Company';

interface Rule {
  types: string[];
  from: 'legal' | 'org' | 'person';
  to: 'legal' | 'org' | 'person' | 'company';
  choice: FtmLinkChoice;
  /** The schema's direction is the reverse of ours ("X employs Y": our to-end Y is the employee, the schema's from-end). */
  reversed?: boolean;
}

const RULES: Rule[] = [
  { types: ['member of', 'member'], from: 'legal', to: 'org', choice: { schema: 'Membership', from: 'member', to: 'organization', label: 'role' } },
  { types: ['leads', 'director of', 'chairman of', 'chairwoman of', 'chair of', 'head of', 'ceo of', 'chief executive of', 'board member of', 'president of'],
    from: 'legal', to: 'org', choice: { schema: 'Directorship', from: 'director', to: 'organization', label: 'role' } },
  { types: ['works for', 'employed by', 'employee of', 'works at'], from: 'person', to: 'org',
    choice: { schema: 'Employment', from: 'employee', to: 'employer', label: 'role' } },
  { types: ['employs'], from: 'org', to: 'person', reversed: true, choice: { schema: 'Employment', from: 'employee', to: 'employer', label: 'role' } },
  { types: ['owns', 'owner of', 'shareholder of', 'controls'], from: 'legal', to: 'company', choice: { schema: 'Ownership', from: 'owner', to: 'asset', label: 'role' } },
  { types: ['spokesperson for', 'represents', 'lawyer for', 'agent of', 'envoy of'], from: 'legal', to: 'legal',
    choice: { schema: 'Representation', from: 'agent', to: 'client', label: 'role' } },
  { types: ['family', 'relative of', 'married to', 'spouse of', 'wife of', 'husband of', 'son of', 'daughter of', 'father of', 'mother of',
    'brother of', 'sister of', 'sibling of', 'child of', 'parent of', 'cousin of'], from: 'person', to: 'person',
  choice: { schema: 'Family', from: 'person', to: 'relative', label: 'relationship' } },
  { types: ['meets with', 'associate of', 'associated with', 'friend of', 'knows', 'adviser to', 'advisor to', 'ally of', 'partner of'],
    from: 'person', to: 'person', choice: { schema: 'Associate', from: 'person', to: 'associate', label: 'relationship' } },
];

/** Anything else, and any link touching a place or an event: two Things connected, nature in the role. */
export const UNKNOWN_LINK: FtmLinkChoice = { schema: 'UnknownLink', from: 'subject', to: 'object', label: 'role' };

/**
 * The interval schema for a relationship of `type` from an entity of schema `fromSchema` to one of `toSchema`, and
 * whether the ends swap. A rule applies only when both ends are in its schema's range, else UnknownLink.
 */
export function ftmLinkFor(type: string, fromSchema: string, toSchema: string): { choice: FtmLinkChoice; reversed: boolean } {
  const t = foldTagName(type);
  for (const rule of RULES) {
    if (!rule.types.includes(t)) continue;
    if (is(fromSchema, rule.from) && is(toSchema, rule.to)) return { choice: rule.choice, reversed: rule.reversed ?? false };
  }
  return { choice: UNKNOWN_LINK, reversed: false };
}

/** located_in (and its spellings) does not become an interval: it sets the place on the entity itself. */
export const isLocatedIn = (type: string): boolean => ['located in', 'based in', 'located at'].includes(foldTagName(type));
