/** The entities, relationships and claims commands through runCli on a temp workspace, stdout captured. */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../main';
import { repoRoot, tempDir } from '../../../tests/unit/helpers';
import { Workbench } from '../../services/workbench/workbench';
import { createEntity } from '../../services/workbench/entities';
import { createRelationship } from '../../services/workbench/relationships';
import { createClaim } from '../../services/workbench/claims';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runCli(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

async function workspaceWithArticle() {
  const dir = tempDir('wb-cli-analysis-');
  const imported = await run('--workspace', dir, '--json', 'import', path.join(repoRoot, 'seeds/sample-article.txt'));
  expect(imported.code).toBe(0);
  const sourceId = (JSON.parse(imported.out) as Array<{ source: { id: string } }>)[0]!.source.id;
  return { dir, sourceId };
}

describe('workbench entities / relationships / claims', () => {
  it('suggests entities for a source as JSON with name, type and mentions', async () => {
    const { dir, sourceId } = await workspaceWithArticle();
    const r = await run('--workspace', dir, 'entities', 'suggest', sourceId, '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Array<{ name: string; type: string; mentions: number }>;
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      expect(typeof s.name).toBe('string');
      expect(['person', 'organisation', 'place', 'event', 'other']).toContain(s.type);
      expect(s.mentions).toBeGreaterThan(0);
    }
    expect(list.some((s) => /Tokayev/.test(s.name))).toBe(true);
    const missing = await run('--workspace', dir, 'entities', 'suggest', 'nope', '--json');
    expect(missing.code).toBe(3); // not found
    expect(missing.err).toContain('nope');
  });

  it('adds entities, returning the existing one for a known name or alias, and lists them', async () => {
    const { dir } = await workspaceWithArticle();
    const added = await run('--workspace', dir, '--json', 'entities', 'add', 'Recep Tayyip Erdoğan', '--type', 'person', '--alias', 'Erdoğan', '--description', 'President of Türkiye');
    expect(added.code).toBe(0);
    const entity = JSON.parse(added.out) as { id: string; name: string; aliases: string[]; existed: boolean };
    expect(entity).toMatchObject({ name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'], existed: false });
    const again = await run('--workspace', dir, '--json', 'entities', 'add', 'erdogan', '--type', 'person');
    expect(JSON.parse(again.out)).toMatchObject({ id: entity.id, existed: true });
    const list = await run('--workspace', dir, '--json', 'entities');
    expect((JSON.parse(list.out) as unknown[]).length).toBe(1);
    const table = await run('--workspace', dir, 'entities');
    expect(table.out).toMatch(/NAME/);
    expect(table.out).toContain('Recep Tayyip Erdoğan');
  });

  it('refuses a missing or unknown --type with a clear error and exit 1', async () => {
    const { dir } = await workspaceWithArticle();
    const none = await run('--workspace', dir, '--json', 'entities', 'add', 'Astana');
    expect(none.code).toBe(1);
    expect(none.err).toContain('--type');
    const bad = await run('--workspace', dir, '--json', 'entities', 'add', 'Astana', '--type', 'city');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('city');
    expect(JSON.parse((await run('--workspace', dir, '--json', 'entities')).out)).toEqual([]);
  });

  it('lists relationships and claims (empty workspace: empty arrays; tables have headers)', async () => {
    const { dir } = await workspaceWithArticle();
    expect(JSON.parse((await run('--workspace', dir, '--json', 'relationships')).out)).toEqual([]);
    expect(JSON.parse((await run('--workspace', dir, '--json', 'claims')).out)).toEqual([]);
    expect((await run('--workspace', dir, 'claims')).out).toMatch(/GRADE/);
    expect((await run('--workspace', dir, 'relationships')).out).toMatch(/RELATION/);
    expect((await run('--workspace', dir, 'claims', '--grade', 'Z9')).code).toBe(1);
  });

  it('lists relationships and claims made in the app', async () => {
    const { dir } = await workspaceWithArticle();
    const wb = await Workbench.open(dir);
    const ids = ['Erdoğan', 'Tokayev'].map((name) => {
      const r = createEntity(wb, { type: 'person', name, aliases: [], description: '' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.entity.id;
    });
    expect(createRelationship(wb, { fromId: ids[0]!, toId: ids[1]!, type: 'meets_with', startDate: '2024-10-09', endDate: '', confidence: 0.9, note: '', evidenceHighlightIds: [], evidenceClaimIds: [] }).ok).toBe(true);
    expect(createClaim(wb, { claimantId: ids[1]!, statement: 'Türkiye is the closest partner', type: 'assessment', claimedAt: '', credibility: 3, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [] }).ok).toBe(true);
    await wb.close();
    expect(JSON.parse((await run('--workspace', dir, '--json', 'relationships')).out)).toEqual([expect.objectContaining({ fromName: 'Erdoğan', label: 'meets with', toName: 'Tokayev', unevidenced: true })]);
    expect(JSON.parse((await run('--workspace', dir, '--json', 'claims', '--grade', 'F')).out)).toEqual([expect.objectContaining({ grade: 'F3', claimantName: 'Tokayev' })]);
    const table = (await run('--workspace', dir, 'relationships')).out;
    expect(table).toContain('meets with');
  });
});
