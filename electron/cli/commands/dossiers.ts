/** CLI commands for dossiers, exports (PDF, Markdown, HTML, JSON, W3C, GraphML) and annotation import. */
import fs from 'node:fs';
import path from 'node:path';
import { flagOf, flagsOf } from '../args';
import { EXIT, classifyFailure } from '../exit-codes';
import { describeIoError } from '../../services/store/errors';
import { CliError, printJson, printTable } from '../output';
import type { Entity } from '../../../shared/domain/types';
import { foldForMatch } from '../../../shared/domain/analysis/fold';
import { draftDossier, listDossiers } from '../../services/workbench/dossiers';
import { DOSSIER_FORMATS, prepareDossierExport, type DossierFormat } from '../../services/export/dossier-export';
import { exportAnnotationsW3C, exportGraphML, importAnnotationsW3C } from '../../services/export/annotations';
import { writeFileDurable } from '../../services/store/durable-fs';
import type { Workbench } from '../../services/workbench/workbench';
import { withWorkbench, type Command } from './common';
import { exportWorkspace } from './exchange';

export const DOSSIER_USAGE = `  dossiers                     list dossiers
  dossier draft --subject NAME_OR_ID [--subject …] [--title T] [--author A]
                               auto-draft a dossier about one or more entities
  export dossier ID --format pdf|md|html|json [--out FILE]
  export annotations --format w3c [--out FILE]
  export graph --format graphml [--out FILE]
  import-annotations FILE [--source ID]
                               import W3C annotations as highlights (exit 1 on invalid input)`;

/** An entity by id, else by name or alias (case- and diacritic-insensitive); ambiguity is an error. */
function resolveSubject(wb: Workbench, ref: string): Entity {
  const byId = wb.state.get('entities', ref);
  if (byId) return byId;
  const key = foldForMatch(ref);
  const all = wb.state.all('entities');
  const byName = all.filter((e) => foldForMatch(e.name) === key);
  const matches = byName.length > 0 ? byName : all.filter((e) => e.aliases.some((a) => foldForMatch(a) === key));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CliError(`No entity named or with id “${ref}”.`, EXIT.notFound);
  throw new CliError(`“${ref}” names ${matches.length} entities (${matches.map((e) => `${e.name} ${e.id}`).join('; ')}); use the id.`);
}

/** Writes atomically: a temp file in the same folder, fsync, rename. A failure leaves no half-written file. */
function writeOut(out: string, bytes: Uint8Array, json: boolean, what: string): void {
  const file = path.resolve(out);
  try {
    writeFileDurable(file, bytes);
  } catch (e) {
    throw new CliError(`Cannot write ${file}: ${describeIoError(e)}`, classifyFailure(e).exitCode);
  }
  if (json) printJson({ file, bytes: bytes.length, what });
  else console.log(`wrote ${what} to ${file} (${bytes.length} bytes)`);
}

function formatOf(a: Parameters<Command>[0], allowed: readonly string[]): string {
  const format = flagOf(a, '--format');
  if (!format || !allowed.includes(format)) throw new CliError(`--format must be one of ${allowed.join(', ')}`, EXIT.usage);
  return format;
}

async function exportDossier(a: Parameters<Command>[0], dir: string, json: boolean): Promise<number> {
  const id = a.positionals[2];
  if (!id) throw new CliError('export dossier needs a dossier ID', EXIT.usage);
  const format = formatOf(a, DOSSIER_FORMATS) as DossierFormat;
  // Loaded only for PDF: playwright-core is slow to import and every other command does without it.
  const { chromiumAvailable, chromiumPath, sharedChromiumPrinter } = await import('../../services/export/chromium-printer');
  if (format === 'pdf' && !chromiumAvailable()) throw new CliError(`PDF export needs Chromium at ${chromiumPath()} (set CHROMIUM_PATH).`, EXIT.failed);
  const prepared = await withWorkbench(dir, true, async (wb) => prepareDossierExport(wb, id, format));
  if (!prepared.ok) throw CliError.fromApi(prepared.error);
  const printer = sharedChromiumPrinter();
  try {
    const bytes = await prepared.value.produce(printer.print);
    writeOut(flagOf(a, '--out') ?? prepared.value.fileName, bytes, json, `${format} dossier`);
  } finally {
    await printer.close();
  }
  return 0;
}

export const dossierCommands: Record<string, Command> = {
  async dossiers(_a, dir, json) {
    const list = await withWorkbench(dir, true, async (wb) => listDossiers(wb));
    if (json) printJson(list);
    else printTable(['ID', 'TITLE', 'SUBJECTS', 'SECTIONS', 'BLOCKS', 'UPDATED'],
      list.map((d) => [d.id, d.title, d.subjectNames.join(', '), String(d.sectionCount), String(d.blockCount), d.updatedAt]));
    return 0;
  },

  async dossier(a, dir, json) {
    if (a.positionals[1] !== 'draft') throw new CliError('usage: dossier draft --subject NAME_OR_ID [--subject …] [--title T]', EXIT.usage);
    const refs = flagsOf(a, '--subject');
    if (refs.length === 0) throw new CliError('dossier draft needs at least one --subject', EXIT.usage);
    const d = await withWorkbench(dir, false, async (wb) => {
      const subjectIds = refs.map((r) => resolveSubject(wb, r).id);
      const r = draftDossier(wb, { subjectIds, title: flagOf(a, '--title'), author: flagOf(a, '--author') });
      if (!r.ok) throw CliError.fromApi(r.error);
      return r.value;
    });
    if (json) printJson(d);
    else console.log(`drafted “${d.title}” (${d.id}): ${d.sections.map((s) => `${s.title} ${s.blocks.length}`).join(', ')}`);
    return 0;
  },

  async export(a, dir, json) {
    const what = a.positionals[1];
    if (what === 'dossier') return exportDossier(a, dir, json);
    if (what === 'workspace') return exportWorkspace(a, dir, (out, bytes, label) => writeOut(out, bytes, json, label));
    if (what === 'annotations' || what === 'graph') {
      formatOf(a, what === 'annotations' ? ['w3c'] : ['graphml']);
      const file = await withWorkbench(dir, true, async (wb) => (what === 'annotations' ? exportAnnotationsW3C(wb) : exportGraphML(wb)));
      writeOut(flagOf(a, '--out') ?? file.fileName, Buffer.from(file.dataBase64, 'base64'), json, what);
      return 0;
    }
    throw new CliError('usage: export dossier|annotations|graph|workspace …', EXIT.usage);
  },

  async 'import-annotations'(a, dir, json) {
    const file = a.positionals[1];
    if (!file) throw new CliError('import-annotations needs a FILE', EXIT.usage);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new CliError(`${file}: cannot read the file (${describeIoError(e)})`, classifyFailure(e).exitCode);
    }
    const r = await withWorkbench(dir, false, async (wb) => importAnnotationsW3C(wb, text, flagOf(a, '--source')));
    if (!r.ok) throw CliError.fromApi(r.error);
    if (json) printJson(r.value);
    else {
      console.log(`${r.value.attached} attached, ${r.value.duplicates} already present, ${r.value.orphans.length} not attached`);
      for (const o of r.value.orphans) console.log(`  ${o.annotationId || '(no id)'}: ${o.reason}`);
    }
    return 0;
  },
};
