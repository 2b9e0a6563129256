/** The shipped migrations, in order. Add a new numbered module for every schema change; never edit a shipped one. */
import { sql as schema } from './0001_schema';
import { sql as security } from './0002_security';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// TS string modules rather than .sql files: the bundler carries them into out/main with no asset copying.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_schema', sql: schema },
  { version: 2, name: '0002_security', sql: security },
];
