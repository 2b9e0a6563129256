/** Where the OCR engine, pdf.js, the canvas and the language data live on disk: local package files only, never a URL. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const requireHere = createRequire(import.meta.url);

/**
 * In a packaged app the packages sit in app.asar; the worker reads them with plain fs (and tesseract's core reads its
 * .wasm beside itself), so it is pointed at the unpacked copies electron-builder leaves in app.asar.unpacked.
 */
function unpacked(dir: string): string {
  const marker = `${path.sep}app.asar${path.sep}`;
  if (!dir.includes(marker)) return dir;
  const outside = dir.replace(marker, `${path.sep}app.asar.unpacked${path.sep}`);
  return fs.existsSync(outside) ? outside : dir;
}

function packageDir(name: string): string | null {
  try {
    return unpacked(path.dirname(requireHere.resolve(`${name}/package.json`)));
  } catch {
    return null;
  }
}

/**
 * Tesseract language codes and the npm packages that ship them. There is no package with Russian LSTM data on the
 * registry this project uses (@tesseract.js-data/rus is not published there), so Russian is not listed.
 */
const LANGUAGE_PACKAGES: Readonly<Record<string, string>> = {
  eng: '@tesseract.js-data/eng',
  tur: '@tesseract.js-data/tur',
  kaz: '@tesseract.js-data/kaz',
};

/** The LSTM-only "best_int" models: a third of the size of the combined ones, and what tesseract.js uses by default. */
const MODEL_FOLDER = '4.0.0_best_int';

/** The .traineddata.gz file of each installed language, by code. */
export function languageFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [code, pkg] of Object.entries(LANGUAGE_PACKAGES)) {
    const dir = packageDir(pkg);
    const file = dir === null ? '' : path.join(dir, MODEL_FOLDER, `${code}.traineddata.gz`);
    if (file !== '' && fs.existsSync(file)) files[code] = file;
  }
  return files;
}

export interface OcrPaths {
  tesseractDir: string;
  canvasDir: string;
  pdfjsDir: string;
  pdfjsUrl: string;
  pdfjsWorkerUrl: string;
}

/** The engine's files, or a sentence saying which is missing (a broken install or packaging). */
export function ocrPaths(): OcrPaths | string {
  const tesseractDir = packageDir('tesseract.js');
  const coreDir = packageDir('tesseract.js-core');
  const canvasDir = packageDir('@napi-rs/canvas');
  const pdfjsDir = packageDir('pdfjs-dist');
  if (tesseractDir === null || coreDir === null) return 'the tesseract.js engine is not installed';
  if (canvasDir === null) return 'the @napi-rs/canvas renderer is not installed';
  if (pdfjsDir === null) return 'pdf.js (pdfjs-dist) is not installed';
  // The LSTM-only builds of the core; tesseract.js picks one by what the CPU supports (relaxed SIMD, SIMD, neither).
  for (const name of ['tesseract-core-relaxedsimd-lstm', 'tesseract-core-simd-lstm', 'tesseract-core-lstm']) {
    const core = path.join(coreDir, `${name}.wasm`);
    if (!fs.existsSync(core)) return `the tesseract core (${core}) is missing`;
  }
  return {
    tesseractDir,
    canvasDir,
    pdfjsDir,
    pdfjsUrl: pathToFileURL(path.join(pdfjsDir, 'legacy/build/pdf.mjs')).href,
    pdfjsWorkerUrl: pathToFileURL(path.join(pdfjsDir, 'legacy/build/pdf.worker.mjs')).href,
  };
}

/** tesseract.js's version, for the record kept with the source ("tesseract.js 7.0.0"). */
export function engineName(tesseractDir: string): string {
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(tesseractDir, 'package.json'), 'utf8')) as { version?: string };
    return `tesseract.js ${version ?? ''}`.trim();
  } catch {
    return 'tesseract.js';
  }
}
