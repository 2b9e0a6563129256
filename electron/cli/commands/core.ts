/** Core CLI commands: import, sources, annotations. */
import fs from 'node:fs';
import path from 'node:path';
import { flagOf, flagsOf } from '../args';
import { EXIT } from '../exit-codes';
import { CliError, printJson, printTable } from '../output';
import { importFile, listSources } from '../../services/workbench/sources';
import { listHighlights } from '../../services/workbench/highlights';
import { DEFAULT_MAX_BYTES } from '../../services/import';
import { withWorkbench, type Command } from './common';
import { captureOne, cliPagePrinter, isUrlArgument, readUrlList, type UrlResult } from './import-urls';
import { pagesNote, upgradedLines } from './pdf-lines';
import type { Workbench } from '../../services/workbench/workbench';
import type { Source } from '../../../shared/domain/types';
import type { PdfUpgrade } from '../../../shared/contract/views-pdf';

export const CORE_USAGE = `  import FILE|URL… [--urls FILE] [--no-print]
                               import .txt, .md, .html, .pdf files, and capture web pages (http/https
                               addresses, or a file of them, one a line) as sources
  sources                      list sources (title, hash, highlights)
  annotations [--source ID]    list highlights, optionally of one source`;

type FileResult =
  | { file: string; ok: true; duplicate: boolean; source: Source; upgraded?: PdfUpgrade }
  | { file: string; ok: false; error: string };

/** Reads and imports one file, or says why not (too large, unreadable, refused by the import). */
async function importOneFile(wb: Workbench, f: string): Promise<FileResult> {
  let bytes: Buffer;
  try {
    // Size first: a 1 GB file is refused without reading (or allocating) any of it.
    const st = fs.statSync(f);
    if (!st.isFile()) return { file: f, ok: false, error: `${f}: not a file` };
    if (st.size > DEFAULT_MAX_BYTES) {
      const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
      return { file: f, ok: false, error: `${path.basename(f)}: the file is too large (${mb(st.size)}; the limit is ${mb(DEFAULT_MAX_BYTES)})` };
    }
    bytes = fs.readFileSync(f);
  } catch (e) {
    return { file: f, ok: false, error: `${f}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const r = await importFile(wb, path.basename(f), bytes);
  if (!r.ok) return { file: f, ok: false, error: r.error.message };
  return { file: f, ok: true, duplicate: r.value.duplicate, source: r.value.source, ...(r.value.upgraded ? { upgraded: r.value.upgraded } : {}) };
}

/** The line printed for one imported file. */
function fileLine(r: Extract<FileResult, { ok: true }>): string {
  const { source } = r;
  const pages = pagesNote(source);
  if (r.upgraded) return upgradedLines(r.file, source, r.upgraded);
  if (r.duplicate) return `${r.file}: already in the workspace as “${source.meta.title}” (${source.id}); nothing added`;
  return `${r.file}: imported “${source.meta.title}” (${source.id})${pages ? ` — ${pages}` : ''}`;
}

export const coreCommands: Record<string, Command> = {
  async import(a, dir, json) {
    // Lists are read before the workspace is opened: an unreadable list imports nothing.
    const urls = flagsOf(a, '--urls').flatMap(readUrlList);
    const items = [...a.positionals.slice(1), ...urls];
    if (items.length === 0) throw new CliError('import needs at least one FILE or URL (or --urls FILE)', EXIT.usage);
    const capturing = items.some(isUrlArgument);
    const printing = capturing && !a.switches.has('--no-print') ? await cliPagePrinter() : { close: async () => undefined };
    const total = items.filter(isUrlArgument).length;
    let nth = 0;
    const results = await withWorkbench(dir, false, async (wb) => {
      const out: Array<FileResult | UrlResult> = [];
      try {
        for (const item of items) {
          if (!isUrlArgument(item)) {
            const r = await importOneFile(wb, item);
            out.push(r);
            if (!r.ok) process.stderr.write(`error: ${r.error}\n`);
            else if (!json) process.stdout.write(`${fileLine(r)}\n`);
            continue;
          }
          const tag = `[${++nth}/${total}] `;
          // Progress and results as they happen (a page can take seconds); a failure is an error line on stderr.
          const say = (line: string, failed = false) => {
            if (failed) process.stderr.write(`error: ${tag}${line.replace(/\s*\n\s*/g, ' ')}\n`);
            else if (!json) process.stdout.write(`${tag}${line}\n`);
          };
          out.push(await captureOne(wb, item.trim(), { pagePrinter: printing.printer }, say));
        }
      } finally {
        await printing.close();
      }
      return out;
    });
    if (json) printJson(results);
    return results.every((r) => r.ok) ? 0 : 1;
  },

  async sources(_a, dir, json) {
    const list = await withWorkbench(dir, true, async (wb) => listSources(wb));
    if (json) printJson(list);
    else printTable(['ID', 'TITLE', 'PUBLISHER', 'DATE', 'HIGHLIGHTS', 'SHA-256'],
      list.map((s) => [s.id, s.meta.title, s.meta.publisher, s.meta.publishedAt, String(s.highlightCount), s.contentHash.slice(0, 12)]));
    return 0;
  },

  async annotations(a, dir, json) {
    const sourceId = flagOf(a, '--source');
    const list = await withWorkbench(dir, true, async (wb) => {
      if (sourceId && !wb.state.get('sources', sourceId)) throw new CliError(`No source with id ${sourceId}.`, EXIT.notFound);
      const tagName = (id: string) => wb.state.get('tags', id)?.name ?? id;
      return listHighlights(wb, { sourceId }).map((h) => ({ ...h, tags: h.tagIds.map(tagName) }));
    });
    if (json) printJson(list);
    else printTable(['ID', 'SOURCE', 'START', 'END', 'TAGS', 'QUOTE'],
      list.map((h) => [h.id, h.sourceId.slice(0, 8), String(h.position.start), String(h.position.end), h.tags.join(','), h.quote.exact]));
    return 0;
  },
};
