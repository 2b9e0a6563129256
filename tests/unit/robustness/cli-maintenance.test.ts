/** `workbench doctor [--repair] --json`, `workbench backups [create|restore ID]` and `workbench recover --yes`, end to end in-process. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { Workbench } from '../../../electron/services/workbench/workbench';
import { buildRichWorkspace, putRecord } from '../../robustness/fixture';
import { tempDir } from '../helpers';

/** Runs the CLI with stdout/stderr captured. */
async function cli(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => { out += `${a.join(' ')}\n`; });
  try {
    return { code: await runCli(['--workspace', dir, ...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    log.mockRestore();
  }
}

describe('maintenance commands', () => {
  it('doctor reports, doctor --repair fixes in one undoable step', async () => {
    const dir = tempDir();
    await buildRichWorkspace(dir);
    const wb = await Workbench.open(dir);
    putRecord(wb, 'claims', { ...wb.state.get('claims', 'claim-2')!, evidenceHighlightIds: ['gone'] });
    await wb.close();
    const check = await cli(dir, '--json', 'doctor');
    expect(check.code).toBe(1);
    const report = JSON.parse(check.out);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'dangling_reference', recordId: 'claim-2', otherId: 'gone', repairable: true })]);
    expect(report.repaired).toBeNull();
    const fixed = await cli(dir, '--json', 'doctor', '--repair');
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out).repaired).toMatchObject({ records: 1, unrepaired: 0, historyLabel: expect.stringMatching(/^Repair workspace/) });
    expect((await cli(dir, 'doctor')).out).toMatch(/No problems found/);
  });

  it('on a damaged workspace: doctor explains without moving anything, --repair quarantines, backups restore brings it back', async () => {
    const dir = tempDir();
    await buildRichWorkspace(dir);
    const created = await cli(dir, '--json', 'backups', 'create');
    expect(created.code).toBe(0);
    const id = JSON.parse(created.out).id as string;
    fs.writeFileSync(path.join(dir, 'workspace.json'), '\u0000'.repeat(40));

    const look = await cli(dir, '--json', 'doctor');
    expect(look.code).toBe(1);
    expect(JSON.parse(look.out).recovery).toMatchObject({ kind: 'damaged', quarantined: [] });
    expect(fs.existsSync(path.join(dir, 'quarantine'))).toBe(false);

    const repair = await cli(dir, 'doctor', '--repair');
    expect(repair.code).toBe(1);
    expect(repair.err).toMatch(/workspace\.json was moved to quarantine\/workspace\.json\..*nothing was deleted/);
    expect(repair.err).toContain(`workbench backups restore ${id}`);
    expect(repair.err).toMatch(/workbench recover --yes.*all records are kept/);

    const list = await cli(dir, '--json', 'backups');
    expect(JSON.parse(list.out).map((b: { id: string }) => b.id)).toContain(id);
    const restored = await cli(dir, 'backups', 'restore', id);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/Restored .*the replaced .* is kept as quarantine\//s);
    expect((await cli(dir, '--json', 'sources')).code).toBe(0);
    expect(JSON.parse((await cli(dir, '--json', 'sources')).out)).toHaveLength(2);
  });

  it('recover --yes keeps everything when only the manifest was damaged', async () => {
    const dir = tempDir();
    await buildRichWorkspace(dir);
    fs.writeFileSync(path.join(dir, 'workspace.json'), '[]');
    expect((await cli(dir, 'recover', '--yes')).code).toBe(1); // nothing pending yet
    expect((await cli(dir, 'doctor', '--repair')).code).toBe(1);
    expect((await cli(dir, 'recover')).code).toBe(2); // asks for --yes
    const r = await cli(dir, '--json', 'recover', '--yes');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ recovered: true, counts: { sources: 2, highlights: 30 } });
    expect((await cli(dir, 'backups', 'restore', '../../x')).err).toMatch(/There is no backup/);
  });
});
