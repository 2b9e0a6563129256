/** Test fixture for the analysis services: a temp workspace with the sample article and a second, independent report. */
import { Workbench } from '../../electron/services/workbench/workbench';
import { importFile, importText, openSource, updateSourceMeta } from '../../electron/services/workbench/sources';
import { createHighlight } from '../../electron/services/workbench/highlights';
import { sampleArticle, tempDir } from '../unit/helpers';
import type { Highlight, Source } from '../../shared/domain/types';

export const SECOND_REPORT = `Kazakh leader Tokayev hosts Erdogan in Astana
President Erdoğan and President Tokayev signed agreements on trade and energy in Astana on Wednesday.
Kazakhstan supports Türkiye's initiatives, Tokayev said, according to the Kazakh presidency.`;

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The whole workspace content, independent of record order (undo re-inserts deleted records at the end). */
export function snapshotOf(wb: Workbench): string {
  const json = wb.state.toJson() as unknown as Record<string, Record<string, unknown>>;
  return JSON.stringify(Object.fromEntries(Object.entries(json).map(([c, records]) => [c, Object.fromEntries(Object.entries(records).sort(([a], [b]) => a.localeCompare(b)))])));
}

export interface Fixture {
  dir: string;
  wb: Workbench;
  article: Source;
  report: Source;
  /** Highlights `phrase` (first occurrence) in a source. */
  highlight(source: Source, phrase: string): Highlight;
}

/** Sample article (Anadolu Agency, reliability B) and a second report (Kazinform, reliability C). */
export async function analysisFixture(): Promise<Fixture> {
  const dir = tempDir('wb-analysis-');
  const wb = await Workbench.open(dir);
  const article = unwrap(updateSourceMeta(wb, unwrap(await importFile(wb, 'sample-article.txt', sampleArticle())).source.id, { publisher: 'Anadolu Agency' }, 'B'));
  const report = unwrap(updateSourceMeta(wb, unwrap(await importText(wb, SECOND_REPORT, 'Tokayev hosts Erdogan')).source.id, { publisher: 'Kazinform' }, 'C'));
  const highlight = (source: Source, phrase: string) => {
    const text = unwrap(openSource(wb, source.id)).text;
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`phrase not in ${source.meta.title}: ${phrase}`);
    return unwrap(createHighlight(wb, { sourceId: source.id, start, end: start + phrase.length, color: 'yellow', tagIds: [], note: '' }));
  };
  return { dir, wb, article, report, highlight };
}
