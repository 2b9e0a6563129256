/** What main tells the user about the services host: a finished export (to the notifier), a crash it could not recover from. */
import type { ExportFinished } from '../services/export/jobs';
import type { ServicesEvent } from './services-client';

export interface NoticeDeps {
  /** The OS notification for a long export finished in the background (export-notifier.ts decides whether to show one). */
  exportFinished(event: ExportFinished): void;
  showError(title: string, content: string): void;
  log(message: string): void;
}

export function servicesNotices(deps: NoticeDeps): (e: ServicesEvent) => void {
  return (e) => {
    switch (e.type) {
      case 'exportFinished': {
        const { type: _type, ...finished } = e;
        deps.exportFinished(finished);
        return;
      }
      case 'crashed':
        deps.log(`The services host stopped (code ${e.code}, signal ${e.signal}); ${e.restarting ? 'restarting it' : 'not restarting it again'}.`);
        if (!e.restarting) deps.showError('The workbench services stopped', 'They stopped several times in a row and are not started again. Quit and start the app again; your saved work is kept.');
        return;
      case 'restart-failed':
        deps.showError('Cannot open the workspace again', e.message);
        return;
      case 'restarted':
        deps.log(`The services host was restarted${e.dir ? ` and reopened ${e.dir}` : ''}.`);
        return;
      case 'exports':
        return;
    }
  };
}
