/** Core CLI commands: import, sources, annotations. */
import fs from 'node:fs';
import path from 'node:path';
import { flagOf } from '../args';
import { EXIT } from '../exit-codes';
import { CliError, printJson, printTable } from '../output';
import { importFile, listSources } from '../../services/workbench/sources';
import { listHighlights } from '../../services/workbench/highlights';
import { DEFAULT_MAX_BYTES } from '../../services/import';
import { withWorkbench, type Command } from './common';

export const CORE_USAGE = `  import FILE…                 import .txt, .md, .html, .pdf files as sources
  sources                      list sources (title, hash, highlights)
  annotations [--source ID]    list highlights, optionally of one source`;

export const coreCommands: Record<string, Command> = {
  async import(a, dir, json) {
    const files = a.positionals.slice(1);
    if (files.length === 0) throw new CliError('import needs at least one FILE', EXIT.usage);
    const results = await withWorkbench(dir, false, async (wb) => {
      const out = [];
      for (const f of files) {
        let bytes: Buffer;
        try {
          // Size first: a 1 GB file is refused without reading (or allocating) any of it.
          const st = fs.statSync(f);
          if (!st.isFile()) {
            out.push({ file: f, ok: false as const, error: `${f}: not a file` });
            continue;
          }
          if (st.size > DEFAULT_MAX_BYTES) {
            const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
            out.push({ file: f, ok: false as const, error: `${path.basename(f)}: the file is too large (${mb(st.size)}; the limit is ${mb(DEFAULT_MAX_BYTES)})` });
            continue;
          }
          bytes = fs.readFileSync(f);
        } catch (e) {
          out.push({ file: f, ok: false as const, error: `${f}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
          continue;
        }
        const r = await importFile(wb, path.basename(f), bytes);
        out.push(r.ok
          ? { file: f, ok: true as const, duplicate: r.value.duplicate, source: r.value.source }
          : { file: f, ok: false as const, error: r.error.message });
      }
      return out;
    });
    for (const r of results) {
      if (!r.ok) process.stderr.write(`error: ${r.error}\n`);
      else if (!json) {
        console.log(r.duplicate
          ? `${r.file}: already in the workspace as “${r.source.meta.title}” (${r.source.id}); nothing added`
          : `${r.file}: imported “${r.source.meta.title}” (${r.source.id})`);
      }
    }
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
