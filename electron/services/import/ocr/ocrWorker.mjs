/**
 * The OCR worker thread (plain JS: it is loaded as a string and started from a data: URL, so it needs no build step of
 * its own). It renders each requested PDF page with pdf.js and @napi-rs/canvas and recognises it with tesseract.js's
 * own worker code (its message handlers, called in this thread), then posts the paragraphs back. Everything it loads
 * comes from absolute paths the parent resolved; the network is refused before anything else runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import net from 'node:net';

/** Counts what tried to reach the network (reported to the parent; always 0 unless something regresses). */
export const networkAttempts = { count: 0 };

/**
 * Makes every network attempt in this thread fail: fetch, and every socket (http, https, tls and undici all connect
 * through net.Socket). Language data and the engine are local files; nothing here may reach out, not even by accident.
 */
export function installNetworkGuard(target = globalThis, netModule = net) {
  const refuse = (what) => {
    networkAttempts.count += 1;
    return new Error(`network access is disabled in the OCR worker (${what})`);
  };
  target.fetch = async (input) => { throw refuse(`fetch ${String(input)}`); };
  netModule.Socket.prototype.connect = function connect() { throw refuse('socket connect'); };
}

/** Calls one of tesseract.js's worker handlers (load, loadLanguage, initialize, recognize) in this thread. */
function tesseractCall(handlers, action, payload) {
  return new Promise((resolve, reject) => {
    handlers.dispatchHandlers({ workerId: 'ocr', jobId: action, action, payload }, (message) => {
      if (message.status === 'resolve') resolve(message.data);
      else if (message.status === 'reject') reject(new Error(`${action}: ${String(message.data)}`));
    });
  });
}

/** Starts the engine with the languages, read from the packaged files (never a cache, never a download). */
async function startTesseract({ tesseractDir, languageFiles, languages }) {
  const requireTess = createRequire(`${tesseractDir}/package.json`);
  const handlers = requireTess('./src/worker-script/index.js');
  const getCore = requireTess('./src/worker-script/node/getCore.js');
  const prefix = 'workbench-ocr-languages/';
  handlers.setAdapter({
    // tesseract.js hands getCore its lstmOnly flag where getCore expects an engine mode, and so loads the larger core
    // with the legacy engine; asking for OEM 1 (LSTM only) loads the LSTM-only build, the one the packaging ships.
    getCore: (lstmOnly, corePath, res) => getCore(lstmOnly ? 1 : 0, corePath, res),
    gunzip: gunzipSync,
    fetch: async (url) => { throw new Error(`network access is disabled in the OCR worker (${String(url)})`); },
    // tesseract.js reads `<langPath>/<code>.traineddata.gz`; langPath is a marker, mapped here to the package file.
    readCache: async (path) => {
      const code = path.startsWith(prefix) ? path.slice(prefix.length).replace(/\.traineddata\.gz$/, '') : '';
      const file = languageFiles[code];
      if (!file) throw new Error(`no language data for "${code}"`);
      return readFile(file);
    },
    writeCache: async () => undefined,
    deleteCache: async () => undefined,
    checkCache: async () => false,
  });
  await tesseractCall(handlers, 'load', { options: { lstmOnly: true, corePath: undefined, logging: false } });
  const options = { langPath: 'workbench-ocr-languages', cacheMethod: 'none', gzip: true, lstmOnly: true };
  await tesseractCall(handlers, 'loadLanguage', { langs: languages.join('+'), options });
  // OEM 1 = LSTM only (the packages ship the LSTM "best_int" models).
  await tesseractCall(handlers, 'initialize', { langs: languages.join('+'), oem: 1, config: {} });
  return handlers;
}

async function openPdf({ pdfjsUrl, pdfjsWorkerUrl, pdfjsDir }, bytes) {
  globalThis.pdfjsWorker = await import(pdfjsWorkerUrl);
  const pdfjs = await import(pdfjsUrl);
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    verbosity: 0,
    // Local folders (pdf.js reads these with fs in Node): image decoders, the 14 standard fonts, CJK character maps.
    wasmUrl: `${pdfjsDir}/wasm/`,
    standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    cMapUrl: `${pdfjsDir}/cmaps/`,
    cMapPacked: true,
  });
  return task.promise;
}

/** Renders one page to a PNG at `dpi`, scaled down so that it has at most `maxPixels` pixels. */
async function renderPage(doc, pageNumber, { canvasDir, dpi, maxPixels }) {
  const { createCanvas } = createRequire(`${canvasDir}/package.json`)('./index.js');
  const page = await doc.getPage(pageNumber);
  try {
    const base = page.getViewport({ scale: 1 });
    let scale = dpi / 72;
    const pixels = base.width * base.height * scale * scale;
    if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.floor(viewport.width)), Math.max(1, Math.floor(viewport.height)));
    const context = canvas.getContext('2d');
    await page.render({ canvas, canvasContext: context, viewport, background: '#ffffff' }).promise;
    // `scale` (pixels per point) lets the parent turn word boxes back into page points.
    return { png: await canvas.encode('png'), width: canvas.width, height: canvas.height, scale };
  } finally {
    page.cleanup();
  }
}

/** A line's words with their boxes in pixels [x0, y0, x1, y1] (for the page view's text layer over the scan). */
function wordsOf(line) {
  return (line.words ?? []).map((word) => ({
    text: String(word.text ?? '').trim(), box: [word.bbox?.x0 ?? 0, word.bbox?.y0 ?? 0, word.bbox?.x1 ?? 0, word.bbox?.y1 ?? 0],
  })).filter((word) => word.text !== '');
}

/**
 * The recognised lines, block by block, with the tesseract paragraph each belongs to and its vertical extent in pixels:
 * tesseract's paragraph finder often runs paragraphs together, so the gaps between lines are shaped on the parent side.
 */
function blocksOf(blocks) {
  return (blocks ?? []).map((block) => (block.paragraphs ?? []).flatMap((paragraph, p) => (paragraph.lines ?? []).map((line) => ({
    text: String(line.text ?? '').trim(), paragraph: p, top: line.bbox?.y0 ?? 0, bottom: line.bbox?.y1 ?? 0, words: wordsOf(line),
  }))).filter((line) => line.text !== ''));
}

async function main({ paths, languageFiles, languages, pageNumbers, pdfBytes, dpi, maxPixels }) {
  installNetworkGuard();
  const post = (message) => parentPort.postMessage({ ...message, networkAttempts: networkAttempts.count });
  let doc;
  let stage = 'opening the PDF';
  try {
    doc = await openPdf(paths, pdfBytes);
    for (const n of pageNumbers) {
      if (!Number.isInteger(n) || n < 1 || n > doc.numPages) {
        post({ type: 'failed', reason: 'ocr_failed', detail: `page ${n} does not exist (the PDF has ${doc.numPages} page${doc.numPages === 1 ? '' : 's'})` });
        return;
      }
    }
    stage = 'starting the recogniser';
    post({ type: 'stage', stage });
    const loading = performance.now();
    const tesseract = await startTesseract({ tesseractDir: paths.tesseractDir, languageFiles, languages });
    post({ type: 'started', startupMs: Math.round(performance.now() - loading) });
    for (const n of pageNumbers) {
      stage = `recognising page ${n}`;
      post({ type: 'stage', stage, page: n });
      const started = performance.now();
      const image = await renderPage(doc, n, { canvasDir: paths.canvasDir, dpi, maxPixels });
      const rendered = performance.now();
      const result = await tesseractCall(tesseract, 'recognize', {
        image: new Uint8Array(image.png), options: {}, output: { text: false, blocks: true },
      });
      post({ type: 'page', page: n, blocks: blocksOf(result.blocks), confidence: result.confidence ?? 0, width: image.width, height: image.height, scale: image.scale,
        renderMs: Math.round(rendered - started), recogniseMs: Math.round(performance.now() - rendered) });
    }
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'failed', reason: 'ocr_failed', stage, detail: `${stage}: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}

if (parentPort && workerData?.ocrJob) void main(workerData.ocrJob);
