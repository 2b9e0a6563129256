/** Capture methods: by URL, re-capture and versions, diff, verification, artifacts, browser-extension pairing. */
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import type { PageFetcher, PagePrinter } from '../capture/types';
import { fetchPage } from '../capture/fetch-page';
import { captureUrl } from '../capture/capture-url';
import { createExtensionHandlers } from './handlers-extension';
import { captureArtifact, verifyCapture } from '../capture/capture-files';
import { recapture } from '../capture/recapture';
import { diffSources, listVersions } from '../capture/versions';

type CaptureHandlers = Pick<ApiHandlers,
  'capture.url' | 'capture.recapture' | 'capture.versions' | 'capture.diff' | 'capture.verify' | 'capture.artifact'
  | 'extension.pairingCode' | 'extension.list' | 'extension.unpair'>;

/** What the host gives the capture methods: how to fetch (default: the real fetcher) and how to print (optional). */
export interface CaptureHostDeps {
  fetcher?: PageFetcher;
  pagePrinter?: PagePrinter;
  /** Opens (or returns) the loopback address the browser extension posts to; absent where there is none (CLI). */
  extensionEndpoint?: () => Promise<string>;
}

/** capture.url, capture.verify, capture.artifact. */
function captureByUrlHandlers(wb: Workbench, deps: CaptureHostDeps): Pick<CaptureHandlers, 'capture.url' | 'capture.verify' | 'capture.artifact'> {
  const captureDeps = { fetcher: deps.fetcher ?? fetchPage, pagePrinter: deps.pagePrinter };
  return {
    'capture.url': async ({ url }) => captureUrl(wb, url, captureDeps),
    'capture.verify': async ({ sourceId }) => verifyCapture(wb, sourceId),
    'capture.artifact': async ({ sourceId, which }) => captureArtifact(wb, sourceId, which),
  };
}

/** capture.recapture, capture.versions, capture.diff (see capture/recapture.ts and capture/versions.ts). */
function versionHandlers(wb: Workbench, deps: CaptureHostDeps): Pick<CaptureHandlers, 'capture.recapture' | 'capture.versions' | 'capture.diff'> {
  const captureDeps = { fetcher: deps.fetcher ?? fetchPage, pagePrinter: deps.pagePrinter };
  return {
    'capture.recapture': async ({ sourceId }) => recapture(wb, sourceId, captureDeps),
    'capture.versions': async ({ sourceId }) => listVersions(wb, sourceId),
    'capture.diff': async ({ fromId, toId }) => diffSources(wb, fromId, toId),
  };
}

/** extension.pairingCode, extension.list, extension.unpair (owner: the extension helper; see handlers-extension.ts). */
function extensionHandlers(wb: Workbench, deps: CaptureHostDeps): Pick<CaptureHandlers, 'extension.pairingCode' | 'extension.list' | 'extension.unpair'> {
  return createExtensionHandlers(wb, deps.extensionEndpoint);
}

export function createCaptureHandlers(wb: Workbench, deps: CaptureHostDeps = {}): CaptureHandlers {
  return { ...captureByUrlHandlers(wb, deps), ...versionHandlers(wb, deps), ...extensionHandlers(wb, deps) };
}
