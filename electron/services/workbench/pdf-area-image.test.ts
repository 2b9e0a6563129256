/** An area highlight's image crop read back from captures/, and the specific refusals when it cannot be. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/unit/helpers';
import { buildPagedWorkspace, type PagedWorkspace } from '../../../tests/support/paged-workspace';
import { areaImageDataUri, readAreaImage } from './pdf-area-image';
import { ok } from '../../../shared/domain/result';

const open: PagedWorkspace[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.wb.close();
});
async function workspace() {
  const ws = await buildPagedWorkspace(tempDir());
  open.push(ws);
  return ws;
}

describe('highlights.areaImage', () => {
  it('returns the stored crop: its reference and its bytes as base64, and as a data: URI for dossiers', async () => {
    const ws = await workspace();
    const r = readAreaImage(ws.wb, ws.h.area.id);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.blob).toEqual(ws.h.area.area!.image);
    expect(Buffer.from(r.value.dataBase64, 'base64').equals(Buffer.from(ws.png))).toBe(true);
    expect(areaImageDataUri(ws.wb, ws.h.area)).toBe(`data:image/png;base64,${Buffer.from(ws.png).toString('base64')}`);
  });

  it('refuses a text highlight (unsupported) and an unknown id (not_found), each saying which', async () => {
    const ws = await workspace();
    expect(readAreaImage(ws.wb, ws.h.page2.id)).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('text highlight') } });
    expect(readAreaImage(ws.wb, 'nope')).toMatchObject({ ok: false, error: { code: 'not_found', message: 'No highlight with id nope.' } });
    expect(areaImageDataUri(ws.wb, ws.h.page2)).toBeNull();
  });

  it('says when the area has no crop, when the file is missing and when it has changed on disk', async () => {
    const ws = await workspace();
    const noImage = { ...ws.h.area, id: 'h-area-2', area: { ...ws.h.area.area!, image: null } };
    ws.wb.run('No image', () => ok({ ops: [{ t: 'put' as const, c: 'highlights' as const, v: noImage }], value: null }));
    expect(readAreaImage(ws.wb, 'h-area-2')).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('has no image') } });
    const file = path.join(ws.wb.store.captures.folder, `${ws.h.area.area!.image!.sha256}.blob`);
    fs.writeFileSync(file, 'not the png');
    expect(readAreaImage(ws.wb, ws.h.area.id)).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('has changed on disk') } });
    fs.rmSync(file);
    expect(readAreaImage(ws.wb, ws.h.area.id)).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('is missing from captures/') } });
    expect(areaImageDataUri(ws.wb, ws.h.area)).toBeNull();
  });
});
