/** Plain-words formatting for web captures: UTC times, where the charset came from, re-capture and verification outcomes. */
import type { CharsetSource } from '../../../../shared/domain/capture';
import type { CaptureVerification, RecaptureOutcome } from '../../../../shared/contract/views-capture';
import { plural } from '../common/lib/format';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-12-05 14:03 UTC": a capture time is evidence, so it is shown in UTC (as cited in dossiers), never in the
 * viewer's zone. Anything that is not a valid time is shown as given rather than hidden.
 */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso || '—';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

const CHARSET_SOURCE: Record<CharsetSource, string> = {
  header: 'from the HTTP Content-Type header',
  bom: 'from the byte-order mark',
  meta: 'from the page’s <meta charset>',
  default: 'the default for this type (nothing declared)',
  none: 'not applicable',
};

/** "windows-1251 (from the page’s <meta charset>)"; PDF captures have no charset. */
export function describeCharset(charset: string, source: CharsetSource): string {
  if (!charset) return source === 'none' ? 'none (binary)' : `none (${CHARSET_SOURCE[source] ?? source})`;
  return `${charset} (${CHARSET_SOURCE[source] ?? source})`;
}


/** "Version 2 made: 3 highlights carried, 1 orphan" or "Unchanged since …". */
export function describeRecapture(outcome: RecaptureOutcome): string {
  if (outcome.status === 'unchanged') {
    return outcome.rawChanged
      ? 'Unchanged: the text is the same (the page’s bytes differ, e.g. scripts or markup); no new version was made.'
      : 'Unchanged: the page is exactly as captured; no new version was made.';
  }
  const version = outcome.source.versionOf?.version;
  return `${version ? `Version ${version}` : 'A new version'} made: ${plural(outcome.carried, 'highlight')} carried, ${plural(outcome.orphans.length, 'orphan')}`;
}

export interface VerifyItem {
  key: 'raw' | 'rendered' | 'text';
  label: string;
  ok: boolean;
  expected: string;
  actual: string | null;
}

const VERIFY_LABELS = { raw: 'Raw bytes', rendered: 'Printed copy', text: 'Extracted text' } as const;

/** Each stored hash checked, in a fixed order; the printed copy only when there is one. */
export function verifyItems(v: CaptureVerification): VerifyItem[] {
  const items: VerifyItem[] = [];
  for (const key of ['raw', 'rendered', 'text'] as const) {
    const check = v[key];
    if (check) items.push({ key, label: VERIFY_LABELS[key], ok: check.ok, expected: check.expected, actual: check.actual });
  }
  return items;
}

/** The marker standing for an elided run of unchanged text in a diff. */
export const elidedLabel = (chars: number): string => `… ${chars.toLocaleString('en-US')} character${chars === 1 ? '' : 's'} unchanged …`;
