/** The readable table printed after a run (stdout without --json, stderr with it). */
import type { TargetCheck } from './targets';

const fmt = (v: number | null, digits = 2): string => (v === null || !Number.isFinite(v) ? '—' : String(Math.round(v * 10 ** digits) / 10 ** digits));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export interface FigureRow {
  name: string;
  median: number | null;
  p95: number | null;
  unit: string;
  note: string;
}

export function renderReport(opts: { title: string; figures: FigureRow[]; targets: TargetCheck[]; ratios: Record<string, number | null> }): string {
  const figures = table([
    ['Figure', 'median', 'p95', 'unit', 'how'],
    ...opts.figures.map((f) => [f.name, fmt(f.median), fmt(f.p95), f.unit, f.note]),
  ]);
  const targets = table([
    ['Target', 'measured', 'target', 'met'],
    ...opts.targets.map((t) => [t.label, fmt(t.value), t.target, t.met === null ? 'not measured' : t.met ? 'yes' : 'NO']),
  ]);
  const ratios = Object.entries(opts.ratios).map(([k, v]) => `${k}: ${fmt(v)}`).join('   ');
  return `${opts.title}\n\n${figures}\n\nRatios: ${ratios}\n\n${targets}\n`;
}
