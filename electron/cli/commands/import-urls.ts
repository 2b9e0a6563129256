/** `workbench import URL…` / `--urls FILE`: each address captured whole or not at all, with a progress and a result line each. */
import fs from 'node:fs';
import { EXIT } from '../exit-codes';
import { CliError } from '../output';
import type { Workbench } from '../../services/workbench/workbench';
import type { Source } from '../../../shared/domain/types';
import type { CaptureOutcome } from '../../../shared/contract/views-capture';
import type { PagePrinter } from '../../services/capture/types';
import type { CaptureDeps } from '../../services/capture/capture-url';
import type { PdfUpgrade } from '../../../shared/contract/views-pdf';
import { upgradedLines } from './pdf-lines';

/** An argument that names a web address rather than a file (a file called "http:x" would need "./http:x"). */
export const isUrlArgument = (arg: string): boolean => /^https?:\/\//i.test(arg.trim());

/** The addresses of a list file: one a line; blank lines and lines starting with # are skipped. */
export function readUrlList(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the list of URLs (${code ?? (e as Error).message})`, code === 'ENOENT' ? EXIT.notFound : EXIT.failed);
  }
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

export type UrlResult =
  | { url: string; ok: true; duplicate: boolean; source: Source; timings: CaptureOutcome['timings']; upgraded?: PdfUpgrade }
  | { url: string; ok: false; reason: string; error: string };

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The line that ends a URL's progress: imported, duplicate, or failed with its reason. */
export function resultLine(r: UrlResult): string {
  if (!r.ok) return `${r.url}: failed: ${r.reason}: ${r.error}`;
  // A captured PDF that gave an older text-only source its pages: said as a file import says it (pdf-lines.ts).
  if (r.upgraded) return upgradedLines(r.url, r.source, r.upgraded, ` in ${seconds(r.timings.totalMs)}`);
  const what = r.duplicate
    ? `duplicate: already in the workspace as “${r.source.meta.title}” (${r.source.id}); nothing added`
    : `imported “${r.source.meta.title}” (${r.source.id})`;
  const printed = !r.duplicate && !r.source.capture?.rendered ? `; no printed copy (${r.source.capture?.renderError ?? 'unknown'})` : '';
  return `${r.url}: ${what}${printed} in ${seconds(r.timings.totalMs)}`;
}

/** The host's page printer for the CLI: headless Chromium when installed (loaded on first use), else none. */
export async function cliPagePrinter(): Promise<{ printer?: PagePrinter; close: () => Promise<void> }> {
  const { chromiumAvailable } = await import('../../services/export/chromium-printer');
  if (!chromiumAvailable()) return { close: async () => undefined };
  const lazy = await import('../../services/capture/print-page-lazy');
  return { printer: lazy.lazyChromiumPagePrinter, close: () => lazy.closeLazyChromiumPagePrinter() };
}

/** Captures one address; `say` gets the progress line before and the result line after (`failed` for a failure). */
export async function captureOne(
  wb: Workbench, url: string, deps: Omit<CaptureDeps, 'fetcher'> & Partial<Pick<CaptureDeps, 'fetcher'>>,
  say: (line: string, failed?: boolean) => void,
): Promise<UrlResult> {
  const { captureUrl } = await import('../../services/capture/capture-url');
  const { fetchPage } = await import('../../services/capture/fetch-page');
  say(`${url}: capturing…`);
  const r = await captureUrl(wb, url, { ...deps, fetcher: deps.fetcher ?? fetchPage });
  const result: UrlResult = r.ok
    ? {
      url, ok: true, duplicate: r.value.duplicate, source: r.value.source, timings: r.value.timings,
      ...(r.value.upgraded ? { upgraded: r.value.upgraded } : {}),
    }
    : { url, ok: false, reason: (r.error.details as { reason?: string } | undefined)?.reason ?? r.error.code, error: r.error.message };
  say(resultLine(result), !result.ok);
  return result;
}
