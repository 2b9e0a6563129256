/** The shipped migrations, in order. Add a new numbered module for every schema change; never edit a shipped one. */
import { sql as schema } from './0001_schema';
import { sql as security } from './0002_security';
import { sql as blobs } from './0003_blobs';
import { sql as members } from './0004_members';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// TS string modules rather than .sql files: the bundler carries them into out/main with no asset copying.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_schema', sql: schema },
  { version: 2, name: '0002_security', sql: security },
  { version: 3, name: '0003_blobs', sql: blobs },
  { version: 4, name: '0004_members', sql: members },
];
