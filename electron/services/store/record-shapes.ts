/** Strict shape checks of stored records, history and journal changes: a file that passes cannot crash the services. */
import {
  BLOCK_KINDS, CLAIM_TYPES, COLLECTION_NAMES, CREDIBILITY, ENTITY_TYPES, HIGHLIGHT_COLORS, RELIABILITY, SOURCE_KINDS,
  type CollectionName, type WorkspaceCollections,
} from '../../../shared/domain/types';

/** Returns null when the value fits, else what is wrong with it. */
type Check = (v: unknown) => string | null;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => (typeof v === 'string' ? null : 'expected a string');
const nullableStr: Check = (v) => (v === null || typeof v === 'string' ? null : 'expected a string or null');
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'expected true or false');
const int: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'expected a whole number >= 0');
const finite: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'expected a number');
const hash: Check = (v) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? null : 'expected a sha-256 hex hash');
const literal = (x: string): Check => (v) => (v === x ? null : `expected "${x}"`);
const oneOf = (xs: readonly unknown[]): Check => (v) => (xs.includes(v) ? null : `expected one of ${xs.join(', ')}`);
const optional = (c: Check): Check => (v) => (v === undefined ? null : c(v));
const arrayOf = (c: Check): Check => (v) => {
  if (!Array.isArray(v)) return 'expected an array';
  for (let i = 0; i < v.length; i++) {
    const p = c(v[i]);
    if (p) return `[${i}]: ${p}`;
  }
  return null;
};
const strs = arrayOf(str);

type Fields<T> = { [K in keyof T]?: Check };
const object = <T>(fields: Fields<T>): Check => {
  // Plain indexed loops: this runs for every record on every open (100k highlights in ~0.1 s).
  const keys = Object.keys(fields);
  const checks = keys.map((k) => (fields as Record<string, Check>)[k]!);
  return (v) => {
    if (!isObj(v)) return 'expected an object';
    for (let i = 0; i < keys.length; i++) {
      const p = checks[i]!(v[keys[i]!]);
      if (p) return `${keys[i]}: ${p}`;
    }
    return null;
  };
};

const recordOf = (c: Check): Check => (v) => {
  if (!isObj(v)) return 'expected an object';
  for (const [k, x] of Object.entries(v)) {
    const p = c(x);
    if (p) return `${k}: ${p}`;
  }
  return null;
};

const stamps = { createdAt: str, updatedAt: str };

/** Every field the services read; extra fields are allowed (a newer minor version may add optional ones). */
const RECORD_CHECKS: { [C in CollectionName]: Check } = {
  sources: object<WorkspaceCollections['sources']>({
    id: str, kind: oneOf(SOURCE_KINDS), fileName: str, contentHash: hash, textLength: int,
    meta: object({ title: str, authors: strs, publisher: str, publishedAt: str, url: str, language: str }),
    reliability: oneOf(RELIABILITY), dismissedSuggestions: optional(strs), ...stamps,
  }),
  highlights: object<WorkspaceCollections['highlights']>({
    id: str, sourceId: str, color: oneOf(HIGHLIGHT_COLORS),
    quote: object({ type: literal('TextQuoteSelector'), exact: str, prefix: str, suffix: str }),
    position: object({ type: literal('TextPositionSelector'), start: int, end: int }),
    tagIds: strs, note: str, entityIds: strs, ...stamps,
  }),
  tags: object<WorkspaceCollections['tags']>({ id: str, name: str, color: str, parentId: nullableStr, createdAt: str }),
  entities: object<WorkspaceCollections['entities']>({
    id: str, type: oneOf(ENTITY_TYPES), name: str, aliases: strs, description: str, ...stamps,
  }),
  claims: object<WorkspaceCollections['claims']>({
    id: str, claimantId: nullableStr, statement: str, type: oneOf(CLAIM_TYPES), claimedAt: str,
    credibility: oneOf(CREDIBILITY), evidenceHighlightIds: strs, aboutEntityIds: strs, supports: strs,
    contradicts: strs, tagIds: strs, ...stamps,
  }),
  relationships: object<WorkspaceCollections['relationships']>({
    id: str, fromId: str, toId: str, type: str, startDate: str, endDate: str, confidence: finite, note: str,
    evidenceHighlightIds: strs, evidenceClaimIds: strs, ...stamps,
  }),
  dossiers: object<WorkspaceCollections['dossiers']>({
    id: str, title: str, subjectIds: strs, author: str,
    sections: arrayOf(object({
      id: str, title: str,
      blocks: arrayOf(object({ id: str, kind: oneOf(BLOCK_KINDS), text: str, refId: nullableStr })),
    })),
    newPagePerSection: optional(bool), // absent in workspaces written before the option existed
    ...stamps,
  }),
  layouts: object<WorkspaceCollections['layouts']>({
    id: str, positions: recordOf(object({ x: finite, y: finite })), updatedAt: str,
  }),
};

export function checkRecord(c: CollectionName, v: unknown): string | null {
  return RECORD_CHECKS[c](v);
}

const isCollection = (c: unknown): c is CollectionName => COLLECTION_NAMES.includes(c as CollectionName);

/** The collections object of a snapshot: every record well-formed and stored under its own id, no id twice. */
export function checkCollections(v: unknown): string | null {
  if (!isObj(v)) return 'collections: expected an object';
  for (const c of COLLECTION_NAMES) {
    const records = v[c];
    if (records === undefined) continue;
    if (!isObj(records)) return `collections.${c}: expected an object`;
    const ids = new Set<string>();
    const check = RECORD_CHECKS[c];
    for (const key in records) {
      const r = records[key];
      const p = check(r);
      if (p) return `collections.${c}["${key.slice(0, 80)}"].${p}`;
      const id = (r as { id: string }).id;
      // A record under another key is harmless unless two records claim one id: one would be lost.
      if (ids.has(id)) return `collections.${c}: two records have the id "${id.slice(0, 80)}"`;
      ids.add(id);
    }
  }
  return null;
}

export function checkOp(v: unknown): string | null {
  if (!isObj(v)) return 'expected an op object';
  if (!isCollection(v.c)) return 'unknown collection';
  if (v.t === 'del') return typeof v.id === 'string' ? null : 'id: expected a string';
  if (v.t === 'put') return checkRecord(v.c, v.v);
  return 'expected t "put" or "del"';
}

const checkOps = arrayOf(checkOp);
const checkTx: Check = object({ label: str, ops: checkOps, inverse: checkOps });

export function checkHistory(v: unknown): string | null {
  if (!isObj(v)) return 'history: expected an object';
  const undo = arrayOf(checkTx)(v.undo);
  if (undo) return `history.undo${undo}`;
  const redo = arrayOf(checkTx)(v.redo);
  return redo ? `history.redo${redo}` : null;
}

/** A journal entry's change: a transaction (optionally quiet), an undo or a redo. */
export function checkChange(v: unknown): string | null {
  if (!isObj(v)) return 'change: expected an object';
  if (v.kind === 'undo' || v.kind === 'redo') return null;
  if (v.kind !== 'tx') return 'change.kind: expected tx, undo or redo';
  if (v.quiet !== undefined && typeof v.quiet !== 'boolean') return 'change.quiet: expected a boolean';
  const p = checkTx(v.tx);
  return p ? `change.tx.${p}` : null;
}
