/** The "start each section on a new page" option: stored (undoably) only once chosen, accepted on load with or without it, and carried into the HTML. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkRecord } from '../store/record-shapes';
import { tempDir } from '../../../tests/unit/helpers';
import { dossiersApi } from '../../../shared/contract/api-dossiers';
import { createDossier, getDossier, updateDossier } from '../workbench/dossiers';
import { Workbench } from '../workbench/workbench';
import { prepareDossierExport } from './dossier-export';

let wb: Workbench | null = null;
afterEach(async () => {
  await wb?.close();
  wb = null;
});

async function dossier() {
  wb = await Workbench.open(tempDir());
  const d = createDossier(wb, { title: 'Breaks', subjectIds: [], author: '' });
  if (!d.ok) throw new Error(d.error.message);
  return d.value;
}

const bodyClass = (html: string) => /<body class="([^"]+)">/.exec(html)?.[1];

describe('newPagePerSection', () => {
  it('is absent from new dossiers, which flow', async () => {
    const d = await dossier();
    expect('newPagePerSection' in d).toBe(false);
    const got = getDossier(wb!, d.id);
    expect(got.ok && bodyClass(got.value.html)).toBe('flowing');
  });

  it('is saved as one undo step, reaches the preview and the HTML export, and undo takes it back', async () => {
    const d = await dossier();
    const on = updateDossier(wb!, { id: d.id, newPagePerSection: true });
    expect(on.ok && on.value.newPagePerSection).toBe(true);
    expect(wb!.state.history.undo.at(-1)?.label).toBe('Change dossier page breaks');
    const got = getDossier(wb!, d.id);
    expect(got.ok && bodyClass(got.value.html)).toBe('page-per-section');
    const exported = prepareDossierExport(wb!, d.id, 'html');
    if (!exported.ok) throw new Error(exported.error.message);
    expect(bodyClass(new TextDecoder().decode(await exported.value.produce(async () => new Uint8Array())))).toBe('page-per-section');
    // Other edits keep it.
    updateDossier(wb!, { id: d.id, title: 'Renamed' });
    expect(wb!.state.get('dossiers', d.id)?.newPagePerSection).toBe(true);
    wb!.step('undo');
    wb!.step('undo');
    expect(wb!.state.get('dossiers', d.id)?.newPagePerSection).toBeUndefined();
  });

  it('is accepted by the contract as true/false only', () => {
    const req = dossiersApi['dossiers.update'].request;
    expect(req.safeParse({ id: 'd1', newPagePerSection: false }).success).toBe(true);
    expect(req.safeParse({ id: 'd1', newPagePerSection: 'yes' }).success).toBe(false);
  });

  it('loads stored dossiers written before the option existed, and refuses a malformed value', async () => {
    const d = await dossier();
    const { newPagePerSection: _none, ...older } = { ...d, newPagePerSection: undefined };
    expect(checkRecord('dossiers', older)).toBeNull();
    expect(checkRecord('dossiers', { ...older, newPagePerSection: true })).toBeNull();
    expect(checkRecord('dossiers', { ...older, newPagePerSection: 'yes' })).toBe('newPagePerSection: expected true or false');
  });
});
