/** Benchmark: our anchorAll vs @apache-annotator/dom's text-quote matcher, same ~1 MB text and same 1,000 quotes. */
import { JSDOM } from 'jsdom';
import { anchorAll, describeRange } from '../../shared/anchoring';
import { createPrng, randomInt, syntheticText } from '../../tests/support/synthetic-text';
import type { RangeDescription } from '../../shared/anchoring';

export interface AnchoringBenchOptions {
  seed: number;
  /** Approximate UTF-8 size of the text; default 1,000,000. */
  textBytes?: number;
  /** How many quotes to anchor; default 1,000. */
  quotes?: number;
}

export interface AnchoringBenchResult {
  /** anchorAll over the quotes with stale positions (+7 units), so every one is found by quote search. */
  anchoringMs: number;
  /** Apache Annotator's matcher over a jsdom document of the same text; NaN when it could not run. */
  anchoringBaselineMs: number;
  ours: { found: number };
  /** found is -1 when the baseline could not run (see baselineError). */
  baseline: { found: number };
  /** anchorAll with the stored positions intact (the usual reopen-a-source case). */
  anchoringExactPositionsMs: number;
  textLength: number;
  textBytes: number;
  baselineError?: string;
}

const STALE_SHIFT = 7;
const TEXT_NODES = 8;

/** A deterministic mixed-script text of about `bytes` UTF-8 bytes. */
function benchText(seed: number, bytes: number): string {
  const encoder = new TextEncoder();
  const sample = syntheticText(seed, 20_000);
  const bytesPerUnit = encoder.encode(sample).length / sample.length;
  return syntheticText(seed, Math.round(bytes / bytesPerUnit));
}

function pickQuotes(text: string, seed: number, count: number): RangeDescription[] {
  const random = createPrng(seed ^ 0x9e3779b9);
  const quotes: RangeDescription[] = [];
  while (quotes.length < count) {
    const start = randomInt(random, 0, text.length - 100);
    const described = describeRange(text, start, start + randomInt(random, 8, 80));
    if (/\S/u.test(described.quote.exact)) quotes.push(described);
  }
  return quotes;
}

/** The same text as a few text nodes inside one <pre>, so its textContent is exactly `text`. */
function buildDocument(text: string): JSDOM {
  const dom = new JSDOM('<!DOCTYPE html><html><body><pre id="doc"></pre></body></html>');
  const pre = dom.window.document.getElementById('doc');
  if (!pre) throw new Error('bench: <pre> missing');
  const step = Math.ceil(text.length / TEXT_NODES);
  let from = 0;
  while (from < text.length) {
    const newline = text.indexOf('\n', from + step);
    const to = newline === -1 ? text.length : newline + 1;
    pre.appendChild(dom.window.document.createTextNode(text.slice(from, to)));
    from = to;
  }
  return dom;
}

/** Globals @apache-annotator/dom reads (NodeFilter, Node, Range, document); restored afterwards. */
async function withDomGlobals<T>(dom: JSDOM, run: () => Promise<T>): Promise<T> {
  const names = ['window', 'document', 'Node', 'NodeFilter', 'Range'] as const;
  const globals = globalThis as Record<string, unknown>;
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(globals, name)] as const);
  const win = dom.window as unknown as Record<string, unknown>;
  for (const name of names) {
    Object.defineProperty(globals, name, { value: name === 'window' ? dom.window : win[name], configurable: true, writable: true });
  }
  try {
    return await run();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globals, name, descriptor);
      else delete globals[name];
    }
  }
}

async function runBaseline(text: string, quotes: RangeDescription[]): Promise<{ ms: number; found: number }> {
  const { createTextQuoteSelectorMatcher } = await import('@apache-annotator/dom');
  const dom = buildDocument(text);
  const scope = dom.window.document.getElementById('doc');
  if (!scope) throw new Error('bench: scope missing');
  return withDomGlobals(dom, async () => {
    let found = 0;
    const started = performance.now();
    for (const { quote } of quotes) {
      const matches = createTextQuoteSelectorMatcher(quote)(scope as unknown as Node);
      // Run the whole search (as anchorAll does, to rank all occurrences); count a quote found once.
      let matched = false;
      for await (const _range of matches) matched = true;
      if (matched) found += 1;
    }
    return { ms: performance.now() - started, found };
  });
}

export async function benchAnchoring(opts: AnchoringBenchOptions): Promise<AnchoringBenchResult> {
  const text = benchText(opts.seed, opts.textBytes ?? 1_000_000);
  const quotes = pickQuotes(text, opts.seed, opts.quotes ?? 1_000);
  const stale = quotes.map(({ quote, position }) => ({
    quote,
    position: { ...position, start: position.start + STALE_SHIFT, end: position.end + STALE_SHIFT },
  }));

  let started = performance.now();
  const ours = anchorAll(text, stale);
  const anchoringMs = performance.now() - started;
  started = performance.now();
  anchorAll(text, quotes);
  const anchoringExactPositionsMs = performance.now() - started;

  const common = {
    anchoringMs,
    ours: { found: ours.filter((r) => r.status !== 'orphan').length },
    anchoringExactPositionsMs,
    textLength: text.length,
    textBytes: new TextEncoder().encode(text).length,
  };
  try {
    const baseline = await runBaseline(text, quotes);
    return { ...common, anchoringBaselineMs: baseline.ms, baseline: { found: baseline.found } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...common, anchoringBaselineMs: Number.NaN, baseline: { found: -1 }, baselineError: message };
  }
}
