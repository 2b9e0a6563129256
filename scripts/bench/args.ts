/** Command-line flags of `npm run bench` and the workspace sizes they select. */
import { parseFlags } from '../../electron/common/flags';

export const SIZE_NAMES = ['1k', '10k', '100k', '1m'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

/** Record counts of a generated workspace; everything scales with the highlight count. */
export interface WorkspaceSize {
  name: SizeName;
  sources: number;
  highlights: number;
  entities: number;
  relationships: number;
  claims: number;
  tags: number;
  /** Approximate UTF-8 bytes of all source texts together (the 1 MB reader source included). */
  textBytes: number;
}

/** The full size (the "real investigation"): 2,000 sources, ~10 MB, 100k highlights. */
const FULL = { sources: 2000, highlights: 100_000, entities: 5000, relationships: 20_000, claims: 10_000, tags: 150, textBytes: 10_000_000 };

/** Bytes of the one long source the reader benchmark opens; it exists at every size. */
export const READER_SOURCE_BYTES = 1_000_000;

export function sizeOf(name: SizeName): WorkspaceSize {
  const f = name === '1k' ? 0.01 : name === '10k' ? 0.1 : name === '1m' ? 10 : 1;
  const scale = (n: number, min: number) => Math.max(min, Math.round(n * f));
  return {
    name,
    sources: scale(FULL.sources, 5),
    highlights: scale(FULL.highlights, 100),
    entities: scale(FULL.entities, 10),
    relationships: scale(FULL.relationships, 10),
    claims: scale(FULL.claims, 10),
    tags: scale(FULL.tags, 15),
    // Proportional, plus the reader source which every size carries whole.
    textBytes: Math.round((FULL.textBytes - READER_SOURCE_BYTES) * f) + READER_SOURCE_BYTES,
  };
}

export interface BenchArgs {
  size: SizeName;
  seed: number;
  json: boolean;
  /** Run only these parts (comma-separated ids, see index.ts); all when empty. */
  only: string[];
  /** Skip the Chromium measurements (reader, graph, PDF, PDF page view). */
  noBrowser: boolean;
  /** Regenerate cached workspaces even when the cache is current. */
  regenerate: boolean;
  /** Seconds the team load test runs (the figure is 120). */
  teamSeconds: number;
  /** Internal: run as a measuring child process (`open`). */
  child: string | null;
  workspace: string | null;
}

export const USAGE = `npm run bench -- [--size 1k|10k|100k|1m] [--seed N] [--json] [--only writes,sqlite,open,search,anchoring,suggest,reader,graph,pdf,pdfview,team]
                      [--no-browser] [--regenerate] [--team-seconds N]`;

export function parseArgs(argv: readonly string[]): BenchArgs | string {
  const args: BenchArgs = { size: '100k', seed: 1, json: false, only: [], noBrowser: false, regenerate: false, teamSeconds: 120, child: null, workspace: null };
  let p;
  try {
    p = parseFlags(argv, {
      size: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, only: { type: 'string' },
      'no-browser': { type: 'boolean' }, regenerate: { type: 'boolean' }, child: { type: 'string' }, workspace: { type: 'string' },
      'team-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    }, false);
  } catch (e) {
    return `${(e as Error).message}\n${USAGE}`;
  }
  const last = (name: string): string | undefined => p.values.get(name)?.at(-1);
  if (p.switches.has('help')) return USAGE;
  const size = last('size');
  if (size !== undefined) {
    if (!(SIZE_NAMES as readonly string[]).includes(size)) return `--size must be one of ${SIZE_NAMES.join(', ')} (got "${size}")`;
    args.size = size as SizeName;
  }
  const seed = last('seed');
  if (seed !== undefined) {
    const v = Number(seed);
    if (!Number.isSafeInteger(v) || v < 0 || seed.trim() === '') return '--seed must be a whole number >= 0';
    args.seed = v;
  }
  const teamSeconds = last('team-seconds');
  if (teamSeconds !== undefined) {
    const v = Number(teamSeconds);
    if (!Number.isFinite(v) || v < 1 || v > 3600) return '--team-seconds must be a number of seconds from 1 to 3600';
    args.teamSeconds = v;
  }
  args.json = p.switches.has('json');
  args.only = (last('only') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  args.noBrowser = p.switches.has('no-browser');
  args.regenerate = p.switches.has('regenerate');
  args.child = last('child') ?? null;
  args.workspace = last('workspace') ?? null;
  return args;
}
