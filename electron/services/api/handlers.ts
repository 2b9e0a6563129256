/** Serves every contract method from the workbench services; the ApiHandlers type makes a missing or extra method a compile error. */
import { ok } from '../../../shared/domain/result';
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import { deleteSource, importFile, importText, listLibraryWire, listSources, openSourceWire, updateSourceMeta } from '../workbench/sources';
import { createHighlight, deleteHighlight, listHighlights, updateHighlight } from '../workbench/highlights';
import { createTag, deleteTag, listTags, mergeTags, updateTag } from '../workbench/tags';
import { historyWithRevision, stepWithChanges } from './handlers-history';
import { createAnalysisHandlers } from './handlers-analysis';
import { createDossierHandlers } from './handlers-dossiers';
import { createMaintenanceHandlers } from './handlers-maintenance';
import { createCaptureHandlers } from './handlers-capture';
import { createPdfHandlers } from './handlers-pdf';
import { createExchangeHandlers } from './handlers-exchange';
import { createAchHandlers } from './handlers-ach';
import { createCooccurrenceHandlers } from './handlers-cooccurrence';
import { createTimelineHandlers } from './handlers-timeline';
import { createSuggestClaimsHandlers } from './handlers-suggest-claims';
import { createTeamHandlers } from './handlers-team';
import type { TeamService } from '../team/team-service';
import type { PdfPrinter } from '../export/pdf-printer';
import type { PagePrinter } from '../capture/types';
import { SearchService } from '../search/search-service';
import { workspaceInfoOf } from '../workbench/workspace-info';

export interface HostInfo {
  seeded: boolean;
  /** How this host prints PDF; absent where PDF export is unavailable. */
  printer?: PdfPrinter;
  /** How this host prints a captured page (scripts off); absent: captures are kept without a printed copy. */
  pagePrinter?: PagePrinter;
  /** Opens (or returns) the loopback address the browser extension posts to; absent where there is none. */
  extensionEndpoint?: () => Promise<string>;
  /** Team use of the open workspace (issue 18); absent: the team methods answer "unsupported". */
  team?: TeamService;
}

export function createHandlers(wb: Workbench, host: HostInfo): ApiHandlers {
  // The index follows every committed change; its first build runs in slices in the background.
  const search = new SearchService(wb);
  void search.startBuild();
  return {
    'workspace.info': async () => ok(workspaceInfoOf(wb.store.dir, wb.store.manifest.schemaVersion, wb.state, host.seeded)),

    'sources.list': async () => ok(listSources(wb)),
    'sources.library': async () => ok(listLibraryWire(wb)),
    'sources.open': async ({ id }) => openSourceWire(wb, id),
    'sources.importText': async ({ text, title }) => importText(wb, text, title),
    'sources.importFile': async ({ fileName, dataBase64 }) => importFile(wb, fileName, Buffer.from(dataBase64, 'base64')),
    'sources.updateMeta': async ({ id, patch, reliability }) => updateSourceMeta(wb, id, patch, reliability),
    'sources.delete': async ({ id }) => deleteSource(wb, id),

    'highlights.list': async (q) => ok(listHighlights(wb, q)),
    'highlights.create': async (req) => createHighlight(wb, req),
    'highlights.update': async (req) => updateHighlight(wb, req),
    'highlights.delete': async ({ id }) => deleteHighlight(wb, id),

    'tags.list': async () => ok(listTags(wb)),
    'tags.create': async (req) => createTag(wb, req),
    'tags.update': async (req) => updateTag(wb, req),
    'tags.merge': async ({ fromId, intoId }) => mergeTags(wb, fromId, intoId),
    'tags.delete': async ({ id }) => deleteTag(wb, id),

    'history.state': async () => ok(historyWithRevision(wb)),
    'history.undo': async () => stepWithChanges(wb, 'undo'),
    'history.redo': async () => stepWithChanges(wb, 'redo'),

    'search.query': async ({ q, ...opts }) => ok(search.query(q, opts)),
    'search.status': async () => ok(search.status()),

    ...createAnalysisHandlers(wb),
    ...createDossierHandlers(wb, host.printer ?? noPrinter),
    ...createMaintenanceHandlers(wb, host),
    ...createPdfHandlers(wb),
    ...createExchangeHandlers(wb),
    ...createAchHandlers(wb),
    ...createCooccurrenceHandlers(wb),
    ...createTimelineHandlers(wb),
    ...createSuggestClaimsHandlers(wb),
    ...createTeamHandlers(host.team),
    ...createCaptureHandlers(wb, { pagePrinter: host.pagePrinter, extensionEndpoint: host.extensionEndpoint }),
  };
}

const noPrinter: PdfPrinter = async () => {
  throw new Error('PDF export is not available in this host.');
};
