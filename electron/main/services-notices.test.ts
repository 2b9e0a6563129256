/** What main tells the user about the services host's events. */
import { describe, expect, it } from 'vitest';
import { servicesNotices } from './services-notices';

function deps() {
  const seen: string[] = [];
  const notices = servicesNotices({
    exportFinished: (e) => seen.push(`export: ${e.fileName} ${e.ok ? 'ok' : 'failed'} ${e.ms}`),
    showError: (title, content) => seen.push(`error: ${title} — ${content}`),
    log: (message) => seen.push(`log: ${message}`),
  });
  return { seen, notices };
}

describe('services notices', () => {
  it('hands every finished export to the notifier, without the event type', () => {
    const { seen, notices } = deps();
    notices({ type: 'exportFinished', jobId: 'j', fileName: 'dossier.pdf', ok: true, ms: 7000 });
    notices({ type: 'exportFinished', jobId: 'l', fileName: 'broken.pdf', ok: false, ms: 12 });
    expect(seen).toEqual(['export: dossier.pdf ok 7000', 'export: broken.pdf failed 12']);
  });

  it('logs a crash it recovers from, and shows one it cannot recover from or a failed reopen', () => {
    const { seen, notices } = deps();
    notices({ type: 'crashed', code: null, signal: 'SIGKILL', restarting: true });
    notices({ type: 'restarted', dir: '/ws' });
    notices({ type: 'exports', inFlight: 1 });
    expect(seen).toEqual(['log: The services host stopped (code null, signal SIGKILL); restarting it.', 'log: The services host was restarted and reopened /ws.']);
    seen.length = 0;
    notices({ type: 'restart-failed', message: 'The workspace could not be opened again: locked.' });
    notices({ type: 'crashed', code: 3, signal: null, restarting: false });
    expect(seen[0]).toBe('error: Cannot open the workspace again — The workspace could not be opened again: locked.');
    expect(seen[1]).toMatch(/^log: .*not restarting it again/);
    expect(seen[2]).toMatch(/^error: The workbench services stopped — .*Quit and start the app again/);
  });
});
