/** Record shape checks: bad records are refused naming collection, id and field; extra fields are kept; tables are tied to the domain types. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { StoreError } from './errors';
import { HIGHLIGHT_FIELDS, SOURCE_FIELDS, checkChange, checkRecord } from './record-shapes';
import { int, literal, object, optional, str, strs, type ShapeOf } from './shape-checks';
import { makeTx } from '../../../shared/domain/ops';
import type { Highlight, Source, TextPositionSelector } from '../../../shared/domain/types';
import { tempDir } from '../../../tests/unit/helpers';

const at = '2026-01-01T00:00:00.000Z';
const source: Source = {
  id: 's1', kind: 'text', fileName: '', contentHash: 'a'.repeat(64), textLength: 100, reliability: 'F',
  meta: { title: 'T', authors: [], publisher: '', publishedAt: '', url: '', language: 'en' }, createdAt: at, updatedAt: at,
};
const highlight: Highlight = {
  id: 'h1', sourceId: 's1', color: 'yellow', quote: { type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: 'd' },
  position: { type: 'TextPositionSelector', start: 0, end: 3 }, tagIds: [], note: '', entityIds: [], createdAt: at, updatedAt: at,
};

/** A compacted workspace holding `source` and `highlight`, whose stored highlight `edit` then changes on disk. */
async function workspaceWithEditedHighlight(edit: (h: Record<string, unknown>) => void): Promise<string> {
  const dir = tempDir();
  const s = await WorkspaceStore.open(dir);
  s.commit({ kind: 'tx', tx: makeTx('add', [{ t: 'put', c: 'sources', v: source }, { t: 'put', c: 'highlights', v: highlight }], s.state) });
  await s.compact();
  await s.close();
  const file = path.join(dir, 'snapshot.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(doc.collections.highlights.h1);
  fs.writeFileSync(file, JSON.stringify(doc));
  return dir;
}

async function openError(dir: string): Promise<StoreError> {
  const e = await WorkspaceStore.open(dir).then(async (s) => { await s.close(); return null; }, (err: unknown) => err);
  if (!(e instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(e)}`);
  return e;
}

describe('stored records are refused by name (collection, record id, field)', () => {
  it('refuses a highlight with a required field missing', async () => {
    const e = await openError(await workspaceWithEditedHighlight((h) => { delete h.note; }));
    expect(e.kind).toBe('damaged');
    expect(e.message).toContain('collections.highlights["h1"].note: expected a string');
  });

  it('refuses a highlight whose nested field has the wrong type', async () => {
    const e = await openError(await workspaceWithEditedHighlight((h) => { (h.position as { start: unknown }).start = '0'; }));
    expect(e.kind).toBe('damaged');
    expect(e.message).toContain('collections.highlights["h1"].position: start: expected a whole number >= 0');
  });

  it('refuses a journal change that puts a highlight without its quote selector', () => {
    const { quote: _quote, ...noQuote } = highlight;
    const change = { kind: 'tx', tx: { label: 'x', ops: [{ t: 'put', c: 'highlights', v: noQuote }], inverse: [] } };
    expect(checkChange(change)).toBe('change.tx.ops: [0]: quote: expected an object');
  });

  it('keeps an unknown extra field (policy: a newer minor version may add optional fields)', async () => {
    const dir = await workspaceWithEditedHighlight((h) => { h.addedLater = { by: 'a newer version' }; });
    const s = await WorkspaceStore.open(dir);
    expect(s.state.get('highlights', 'h1')).toEqual({ ...highlight, addedLater: { by: 'a newer version' } });
    await s.compact(); // rewritten by this version: still there
    await s.close();
    const again = JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8'));
    expect(again.collections.highlights.h1.addedLater).toEqual({ by: 'a newer version' });
  });
});

describe('shape tables are tied to the domain types (tsc --noEmit covers this file: an unused @ts-expect-error fails it)', () => {
  const { note: _note, ...noNote } = highlight;

  it('a Highlight table without a field does not type-check, and would let a record without that field through', () => {
    const { note: _dropped, ...withoutNote } = HIGHLIGHT_FIELDS;
    // @ts-expect-error `note` is missing: a domain field nobody checks fails tsc
    const missing: ShapeOf<Highlight> = withoutNote;
    expect(object(missing)(noNote)).toBeNull(); // the gap tsc closes
    expect(checkRecord('highlights', noNote)).toBe('note: expected a string');
  });

  it('checking a required field as optional, an optional one as required, or a field as the wrong type does not type-check', () => {
    // @ts-expect-error `note` is required in Highlight
    const loosened: ShapeOf<Highlight> = { ...HIGHLIGHT_FIELDS, note: optional(str) };
    // @ts-expect-error `dismissedSuggestions` is optional in Source (older records lack it)
    const tightened: ShapeOf<Source> = { ...SOURCE_FIELDS, dismissedSuggestions: strs };
    // @ts-expect-error `start` is a number
    const retyped: ShapeOf<TextPositionSelector> = { type: literal('TextPositionSelector'), start: str, end: int };
    expect(object(loosened)(noNote)).toBeNull();
    expect(object(tightened)(source)).toBe('dismissedSuggestions: expected an array');
    expect(object(retyped)(highlight.position)).toBe('start: expected a string');
    expect(checkRecord('sources', source)).toBeNull();
  });
});
