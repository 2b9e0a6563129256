/**
 * The packaged app has every file it loads: electron-builder packs out/ (after `npm run build`) with the checked-in
 * config around a stand-in Electron binary, and the asar is compared with what the built code loads at run time.
 */
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { LINUX_EXECUTABLE } from '../../electron-builder.config';
import { fakeElectronBinary } from './fake-electron';

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'out');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const built = fs.existsSync(path.join(root, pkg.main)) && fs.existsSync(path.join(outDir, 'renderer', 'index.html'));
const canPack = built && process.platform === 'linux';
if (!built) console.warn('packaged-files.test: out/ is not built, skipped: run `npm run build` first (npm test does).');
else if (!canPack) console.warn('packaged-files.test: the stand-in packaging runs on Linux; the release workflow packs the real app on this OS.');

const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;
const LITERAL = /["'`]([\w./-]+\.(?:js|cjs|mjs))["'`]/g;

/** True when the line holding `index` is a comment line (JSDoc ` * …`, `// …`, `/* …`). */
function inComment(code: string, index: number): boolean {
  const lineStart = code.lastIndexOf('\n', index) + 1;
  return /^\s*(\*|\/\/|\/\*)/.test(code.slice(lineStart, index));
}

/**
 * Files of out/ the app loads, from the package.json main: relative imports, plus every out/main file whose
 * name appears as a string (workers and forked processes are started by file name: import-worker, services-host).
 * Also the bare module specifiers they import.
 */
function runtimeGraph() {
  const files = new Set<string>();
  const specifiers = new Set<string>();
  const mainFiles = fs.readdirSync(path.join(outDir, 'main')).filter((f) => /\.[cm]?js$/.test(f));
  const queue = [path.join(root, pkg.main), path.join(outDir, 'preload', 'index.cjs')];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(IMPORT)) {
      const spec = m[1];
      // Bundled dependencies keep their JSDoc (`@type {import('./Expression.js').default}`): not an import at run time.
      if (inComment(code, m.index)) continue;
      if (spec!.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec!));
      // The pattern also meets prose inside strings ("… from 'x' …"): keep only well-formed module names.
      else if (/^(?:@[\w.-]+\/)?[\w.-]+(?:\/[\w.@-]+)*$/.test(spec!)) specifiers.add(spec!);
    }
    for (const [, lit] of code.matchAll(LITERAL)) {
      const name = path.basename(lit!);
      if (mainFiles.includes(name) && !/bench/.test(name)) queue.push(path.join(outDir, 'main', name));
    }
  }
  return { files, specifiers };
}

const packageName = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (spec: string) => spec === 'electron' || spec.startsWith('node:') || builtinModules.includes(packageName(spec));

describe.runIf(canPack)('the packaged app (electron-builder --dir, stand-in Electron)', () => {
  let tmp: string;
  let appOut: string;
  let asar: Set<string>;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'packaged-'));
    const dist = path.join(tmp, 'electron-dist');
    fs.mkdirSync(path.join(dist, 'resources'), { recursive: true });
    fakeElectronBinary(path.join(dist, 'electron'));
    fs.writeFileSync(path.join(dist, 'chrome-sandbox'), '');
    fs.writeFileSync(path.join(dist, 'version'), pkg.devDependencies.electron);
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      // Only these differ from the release: no Electron download, no native rebuild (nothing here to fetch), a temp folder.
      config: { ...config, electronDist: dist, npmRebuild: false, directories: { ...config.directories, output: path.join(tmp, 'release') } },
    });
    appOut = path.join(tmp, 'release', 'linux-unpacked');
    asar = new Set(listPackage(path.join(appOut, 'resources', 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/').replace(/^\//, '')));
  }, 180_000);
  afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

  it('contains the main entry, every chunk it imports, the preload, the import worker and the services host', () => {
    const { files } = runtimeGraph();
    const wanted = [...files].map(rel);
    expect(wanted).toEqual(expect.arrayContaining(['out/main/index.js', 'out/preload/index.cjs', 'out/main/import-worker.js']));
    if (fs.existsSync(path.join(outDir, 'main', 'services-host.js'))) expect(wanted).toContain('out/main/services-host.js');
    expect(wanted.filter((f) => !asar.has(f))).toEqual([]);
  });

  it('contains the renderer: index.html and every file it references, and all of out/renderer', () => {
    const html = fs.readFileSync(path.join(outDir, 'renderer', 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, r]) => r!).filter((r) => !/^[a-z]+:/i.test(r));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(asar.has(`out/renderer/${r.replace(/^\.?\//, '')}`), r).toBe(true);
    const all = fs.readdirSync(path.join(outDir, 'renderer'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && !d.name.endsWith('.map'));
    for (const d of all) expect(asar.has(rel(path.join(d.parentPath, d.name))), d.name).toBe(true);
  });

  it('contains every package the built code imports (pdf.js worker included), all production dependencies', () => {
    const { specifiers } = runtimeGraph();
    const external = [...specifiers].filter((s) => !isBuiltin(s));
    expect(external).toEqual(expect.arrayContaining(['pdfjs-dist/legacy/build/pdf.worker.mjs']));
    const missing = external.filter((s) => !asar.has(`node_modules/${packageName(s)}/package.json`));
    expect(missing, 'imported at run time but not packed: make it a dependency, not a devDependency').toEqual([]);
    // Subpath imports must exist as files (pdf.js' worker module is loaded by path).
    for (const s of external.filter((x) => /\.[cm]?js$/.test(x))) expect(asar.has(`node_modules/${s}`), s).toBe(true);
    for (const dep of Object.keys(pkg.dependencies)) expect(asar.has(`node_modules/${dep}/package.json`), dep).toBe(true);
  });

  it('contains nothing else: no sources, tests, source maps or devDependencies', () => {
    const top = new Set([...asar].map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect([...asar].filter((f) => f.startsWith('out/') && f.endsWith('.map'))).toEqual([]);
    for (const dev of ['vitest', 'electron', 'electron-builder', 'typescript', 'sharp', '@playwright/test', 'better-sqlite3']) {
      expect(asar.has(`node_modules/${dev}/package.json`), dev).toBe(false);
    }
  });

  it('ships the seeds beside the asar, native addons unpacked, and the fuses flipped by the afterPack hook', async () => {
    const seeds = fs.readdirSync(path.join(root, 'seeds')).sort();
    expect(seeds.length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(appOut, 'resources', 'seeds')).sort()).toEqual(seeds);
    const unpackedDir = path.join(appOut, 'resources', 'app.asar.unpacked');
    const unpacked = fs.existsSync(unpackedDir) ? fs.readdirSync(unpackedDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()) : [];
    // electron-builder unpacks a native addon with its package.json beside it, and the OCR worker's packages; nothing else.
    const ocrPackage = (d: fs.Dirent) => /node_modules[\\/](tesseract\.js|tesseract\.js-core|@tesseract\.js-data|regenerator-runtime|is-url|bmp-js|wasm-feature-detect|pdfjs-dist|@napi-rs)([\\/]|$)/.test(d.parentPath);
    expect(unpacked.filter((d) => !d.name.endsWith('.node') && d.name !== 'package.json' && !ocrPackage(d)).map((d) => path.join(d.parentPath, d.name))).toEqual([]);
    expect(unpacked.some((d) => d.name === 'eng.traineddata.gz' || d.name.endsWith('.traineddata.gz') || d.name.endsWith('.traineddata'))).toBe(true);
    // @ts-expect-error: plain ESM script without types
    const { checkFuses } = await import('../../scripts/fuses.mjs');
    expect((await checkFuses(path.join(appOut, LINUX_EXECUTABLE))).wrong).toEqual([]);
  });
});
