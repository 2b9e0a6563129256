/** workspace.json: the format marker, schema version and id of a workspace folder. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { writeFileDurable, type FsOps } from './durable-fs';
import { StoreError } from './errors';
import { readJsonStrict } from './snapshot';
import { CURRENT_SCHEMA_VERSION } from './migrations';

export const MANIFEST_FILE = 'workspace.json';

export interface WorkspaceManifest {
  format: 'analyst-workbench';
  schemaVersion: number;
  id: string;
  createdAt: string;
}

export function validateManifest(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'expected a JSON object';
  const m = v as Partial<WorkspaceManifest>;
  if (m.format !== 'analyst-workbench') return 'missing format marker';
  if (typeof m.schemaVersion !== 'number' || !Number.isSafeInteger(m.schemaVersion) || m.schemaVersion < 0) return 'missing schemaVersion';
  if (typeof m.id !== 'string') return 'missing id';
  return null;
}

export function tooNew(dir: string, v: number): StoreError {
  return new StoreError('too_new',
    `The workspace ${dir} was written by a newer version of the workbench (schema ${v}; this app reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to open it; nothing was changed.`);
}

export const newManifest = (schemaVersion = CURRENT_SCHEMA_VERSION): WorkspaceManifest => ({
  format: 'analyst-workbench', schemaVersion, id: crypto.randomUUID(), createdAt: new Date().toISOString(),
});

/** Reads the manifest (refusing a newer schema untouched) or, for a new workspace, creates it durably. */
export function readOrCreateManifest(dir: string, readOnly: boolean, ops: FsOps): WorkspaceManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (fs.existsSync(file)) {
    const m = readJsonStrict(file, validateManifest, 'a workbench workspace manifest') as WorkspaceManifest;
    if (m.schemaVersion > CURRENT_SCHEMA_VERSION) throw tooNew(dir, m.schemaVersion);
    return m;
  }
  if (readOnly) throw new StoreError('missing', `No workspace at ${dir} (workspace.json is missing).`);
  const m = newManifest();
  writeFileDurable(file, JSON.stringify(m, null, 2), ops);
  return m;
}
