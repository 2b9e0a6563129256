/** .github/workflows/release.yml: valid for GitHub's own workflow parser, and the release steps in the right order. */
import fs from 'node:fs';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const file = path.resolve(__dirname, '../../.github/workflows/release.yml');
const text = fs.readFileSync(file, 'utf8');
type Step = { name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown> };
const wf = parse(text) as {
  on: { push: { tags: string[] } };
  jobs: Record<string, { 'runs-on': string; needs?: string; if?: string; steps: Step[]; env?: Record<string, string>; permissions?: Record<string, string>; strategy?: { matrix: { include: Array<Record<string, string>> } } }>;
};

/** Errors from @actions/workflow-parser (what GitHub's editor and runner use): schema, expressions, contexts. */
async function githubErrors(content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: 'release.yml', content }, new NoOperationTraceWriter());
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
  return [...parsed.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)];
}

const steps = () => wf.jobs.package!.steps;
const indexOf = (pred: (s: Step) => boolean) => steps().findIndex(pred);

describe('release workflow', () => {
  it('passes GitHub\'s workflow parser, which does reject a broken workflow', async () => {
    expect(await githubErrors(text)).toEqual([]);
    expect((await githubErrors('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n')).length).toBeGreaterThan(0);
  });

  it('runs on a v* tag and builds on Windows, macOS and Ubuntu', () => {
    expect(wf.on.push.tags).toEqual(['v*']);
    expect(wf.jobs.package!['runs-on']).toBe('${{ matrix.os }}');
    expect(wf.jobs.package!.strategy!.matrix.include.map((m) => m.os)).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest']);
  });

  it('installs, tests, packages, checks the fuses, then smoke-tests the packaged app, then uploads', () => {
    const order = [
      indexOf((s) => s.run === 'npm ci --no-audit --no-fund'),
      indexOf((s) => s.run === 'npm test'),
      indexOf((s) => s.run === 'npm run dist'),
      indexOf((s) => /check-fuses\.mjs/.test(s.run ?? '')),
      indexOf((s) => /npm run test:desktop/.test(s.run ?? '')),
      indexOf((s) => (s.uses ?? '').startsWith('actions/upload-artifact@')),
    ];
    expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('points the smoke test at the packaged executable, and installs Chromium only on Ubuntu', () => {
    const smoke = steps().find((s) => /test:desktop/.test(s.run ?? ''))!;
    expect(smoke.env).toEqual({ WORKBENCH_APP_EXECUTABLE: '${{ matrix.app }}' });
    for (const m of wf.jobs.package!.strategy!.matrix.include) expect(m.app).toMatch(/Analyst Workbench|analyst-workbench/);
    const apt = steps().find((s) => /apt-get install.*chromium/.test(s.run ?? ''))!;
    expect(apt.if).toBe("runner.os == 'Linux'");
    expect(steps().find((s) => s.run === 'npm test')!.if).toBe("runner.os == 'Linux'");
  });

  it('uploads every installer kind and the updater feeds', () => {
    const upload = steps().find((s) => (s.uses ?? '').startsWith('actions/upload-artifact@'))!;
    const paths = String(upload.with!.path);
    for (const ext of ['*.exe', '*.dmg', '*.zip', '*.AppImage', '*.deb', 'latest*.yml']) expect(paths).toContain(`release/${ext}`);
    expect(upload.with!['if-no-files-found']).toBe('error');
  });

  it('creates a draft release only on a tag, with write permission only in that job', () => {
    const release = wf.jobs.release!;
    expect(release.needs).toBe('package');
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(release.steps.map((s) => s.run ?? '').join('\n')).toMatch(/gh release create .*--draft/);
    expect((parse(text) as { permissions: unknown }).permissions).toEqual({ contents: 'read' });
  });

  it('reads the signing secrets into the environment and never prints them', () => {
    const env = wf.jobs.package!.env!;
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(env[name]).toBe(`\${{ secrets.${name} }}`);
    }
    for (const s of Object.values(wf.jobs).flatMap((j) => j.steps)) {
      // No secret expression inside a command line, and no echo of a secret-bearing variable.
      expect(s.run ?? '').not.toMatch(/secrets\./);
      expect(s.run ?? '').not.toMatch(/echo[^\n]*\$\{?(CSC_|WIN_CSC|APPLE_|GH_TOKEN)/);
    }
  });
});
