/** What main and the services host say to each other over their port (see docs/adr/0010-services-host-process.md). */
import type { ApiError } from '../../shared/contract/define';
import type { SaveExportRequest } from '../../shared/contract/desktop';
import type { Result } from '../../shared/domain/result';
import type { StoreErrorKind } from '../services/store/errors';
import type { ExportFinished } from '../services/export/jobs';
import type { SecretStorageKind } from '../../shared/contract/views-team';

/** Why a workspace could not be opened: the store's own kinds and messages, or a failure it did not foresee. */
export interface OpenError { code: StoreErrorKind | 'already_open' | 'internal'; message: string }
/**
 * `secretStorage`: whether main can keep team passwords in the OS keychain (main/team-secrets.ts); 'keychain' makes
 * the host keep them through main's `secret*` requests, anything else in its own memory for this run only.
 */
export interface OpenRequest { dir: string; purpose: string; seedsDir?: string; secretStorage?: SecretStorageKind }

/** main → host. */
export type MainToHost = {
  open: { params: OpenRequest; value: Result<{ recovery: boolean }, OpenError> };
  call: { params: { method: unknown; req: unknown }; value: Result<unknown, ApiError> };
  close: { params: null; value: null };
  cancelExports: { params: null; value: null };
  writeExport: { params: { request: SaveExportRequest; path: string }; value: Result<{ path: string; bytes: number }, { code: string; message: string }> };
};

/** host → main: printing needs a Chromium, and the OS keychain (safeStorage) is reachable only from main. */
export type HostToMain = {
  print: { params: { html: string; title: string; author: string }; value: Uint8Array };
  /** A captured page, already guarded by the host (print-page-html.ts), printed with scripts off (main/page-printer.ts). */
  printPage: { params: { html: string; url: string; timeoutMs: number }; value: Uint8Array };
  /** The team password saved under `key` (credentials.ts secretKeyOf), or null: absent, or not decryptable here. */
  secretGet: { params: { key: string }; value: string | null };
  secretSet: { params: { key: string; secret: string }; value: null };
  secretDelete: { params: { key: string }; value: null };
};

/** host → main, one way. `ready` once the host listens; `exports` whenever the count of exports in flight changes. */
export type HostEvents = {
  ready: { pid: number };
  exports: { inFlight: number };
  exportFinished: ExportFinished;
};

export type MainEvents = Record<string, never>;
