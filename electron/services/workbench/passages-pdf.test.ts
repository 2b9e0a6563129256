/** Passages of highlights in a PDF with pages (claim and relationship evidence): the page, and an area named as such. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/unit/helpers';
import { buildPagedWorkspace, type PagedWorkspace } from '../../../tests/support/paged-workspace';
import { ok } from '../../../shared/domain/result';
import { highlightPassage } from './passages';

let ws: PagedWorkspace;
beforeAll(async () => {
  ws = await buildPagedWorkspace(tempDir());
});
afterAll(async () => {
  await ws?.wb.close();
});

describe('highlightPassage on a PDF with pages', () => {
  it('gives a text passage its page ("p. 2", "pp. 2–3") and an area its page with no quote', () => {
    expect(highlightPassage(ws.wb.state, ws.h.page2)).toMatchObject({ page: 'p. 2', exact: 'Türkiye backs Kazakhstan' });
    expect(highlightPassage(ws.wb.state, ws.h.overBreak).page).toBe('pp. 2–3');
    expect(highlightPassage(ws.wb.state, ws.h.area)).toMatchObject({ page: 'p. 3', area: { page: 3 }, exact: '' });
    expect(highlightPassage(ws.wb.state, ws.h.page2).area).toBeUndefined();
  });

  it('a source without a page map gives passages exactly as before (no page, no area)', () => {
    const plain = { ...ws.source, pdf: undefined };
    ws.wb.run('No pages', () => ok({ ops: [{ t: 'put' as const, c: 'sources' as const, v: plain }], value: null }));
    const p = highlightPassage(ws.wb.state, ws.h.page2);
    expect('page' in p).toBe(false);
    expect('area' in p).toBe(false);
  });
});
