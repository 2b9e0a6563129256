/** Works through a list of URLs one at a time, reporting each one's state; a cancel stops after the current URL. */
import type { Result } from '../../../../../shared/domain/result';
import type { ApiError } from '../../../../../shared/contract/define';
import type { CaptureOutcome } from '../../../../../shared/contract/views-capture';

export type UrlItem =
  | { url: string; status: 'queued' | 'fetching' | 'cancelled' }
  | { url: string; status: 'imported' | 'duplicate'; sourceId: string; title: string; totalMs: number }
  /** A captured PDF gave an older text-only source of it its pages (pdf-upgrade.ts): that source, changed in place. */
  | { url: string; status: 'upgraded'; sourceId: string; title: string; totalMs: number; carried: number; orphaned: number }
  | { url: string; status: 'failed'; message: string };

export const isFinished = (item: UrlItem) => item.status !== 'queued' && item.status !== 'fetching';

export interface QueueRun {
  capture: (url: string) => Promise<Result<CaptureOutcome, ApiError>>;
  /** Called with the whole list after every change (a new array each time). */
  onChange: (items: UrlItem[]) => void;
  /** Asked before each URL is started: true leaves the rest as "cancelled". */
  cancelled: () => boolean;
}

/**
 * One at a time on purpose: each capture prints the page in a browser and writes a transaction, and the analyst
 * reads the list top to bottom. A failure is recorded and the next URL goes on; nothing stops the list but a cancel.
 */
export async function runUrlQueue(urls: readonly string[], run: QueueRun): Promise<UrlItem[]> {
  let items: UrlItem[] = urls.map((url) => ({ url, status: 'queued' }));
  const set = (index: number, item: UrlItem) => {
    items = items.map((it, i) => (i === index ? item : it));
    run.onChange(items);
  };
  run.onChange(items);
  for (const [index, url] of urls.entries()) {
    if (run.cancelled()) {
      items = items.map((it) => (it.status === 'queued' ? { url: it.url, status: 'cancelled' } : it));
      run.onChange(items);
      break;
    }
    set(index, { url, status: 'fetching' });
    let reply: Result<CaptureOutcome, ApiError>;
    try {
      reply = await run.capture(url);
    } catch (cause) {
      // The connection itself failed (browser mode lost its server): say so on this line and go on.
      set(index, { url, status: 'failed', message: (cause as Error)?.message ?? String(cause) });
      continue;
    }
    if (!reply.ok) {
      set(index, { url, status: 'failed', message: reply.error.message });
    } else {
      const { source, duplicate, upgraded, timings } = reply.value;
      const base = { url, sourceId: source.id, title: source.meta.title || url, totalMs: timings.totalMs };
      set(index, upgraded
        ? { ...base, status: 'upgraded', carried: upgraded.carried, orphaned: upgraded.orphans.length }
        : { ...base, status: duplicate ? 'duplicate' : 'imported' });
    }
  }
  return items;
}
