/** electron-vite: main (with the browser-mode server and CLI entries), sandboxed CommonJS preload, React renderer. */
import fs from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * pdf.js's character maps, standard fonts and its JPEG 2000 decoder, served from the app itself under pdfjs/ so the
 * page view never reaches a CDN (issue 16). Only the JS decoder of wasm/: compiling WebAssembly would need
 * 'wasm-unsafe-eval' in the CSP, and pdf.js has JS fallbacks for JPEG 2000 and JBIG2.
 */
function pdfjsAssets(): Plugin {
  const root = resolve(__dirname, 'node_modules/pdfjs-dist');
  const wanted = (dir: string, name: string) => dir !== 'wasm' || name === 'openjpeg_nowasm_fallback.js';
  const files = () => ['cmaps', 'standard_fonts', 'wasm'].flatMap((dir) =>
    fs.readdirSync(resolve(root, dir)).filter((name) => wanted(dir, name) && !name.startsWith('LICENSE')).map((name) => `${dir}/${name}`));
  return {
    name: 'workbench-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\/+/, ''));
        if (!files().includes(rel)) return next();
        res.setHeader('Content-Type', rel.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(fs.readFileSync(resolve(root, rel)));
      });
    },
    generateBundle() {
      for (const rel of files()) this.emitFile({ type: 'asset', fileName: `pdfjs/${rel}`, source: fs.readFileSync(resolve(root, rel)) });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          server: resolve(__dirname, 'electron/server/main.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          bench: resolve(__dirname, 'scripts/bench/index.ts'),
          // HTML/PDF parsing runs here, in a worker thread with memory and time limits (see importInWorker.ts).
          'import-worker': resolve(__dirname, 'electron/services/import/importWorker.ts'),
          // The workspace services, in a utilityProcess of their own so the window never waits on them (ADR 0010).
          'services-host': resolve(__dirname, 'electron/services-host/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle the contract (and zod) into it.
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts') },
      // Sandboxed preloads cannot be ES modules.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified it parses and downloads in a third of the time (issue 14).
      // Function and class names are kept: React names components by them (DevTools, the render-scope e2e test,
      // readable error stacks); they cost ~15% of the minified size, 6% gzipped.
      minify: true,
      rolldownOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        output: { minify: { mangle: { keepNames: { function: true, class: true } } } },
      },
    },
  },
});
