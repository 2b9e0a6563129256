/** Baseline: the same edits (same record JSON, one transaction per edit) applied to SQLite (better-sqlite3, WAL). */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { COLLECTION_NAMES } from '../../shared/domain/types';
import type { CollectionsJson } from '../../shared/domain/state';
import type { TimedWrite, WriteKind } from './write-bench';
import { benchRoot } from './workspace-cache';
import { roundSummary, summarize, type Summary } from './stats';

export type SqliteSync = 'FULL' | 'NORMAL';

export interface SqliteBenchResult {
  synchronous: SqliteSync;
  all: Summary;
  byKind: Record<WriteKind, Summary>;
  rows: number;
}

/** Loaded at run time by name: a native addon cannot be bundled (and the bundler would inline a devDependency). */
function loadSqlite(): typeof BetterSqlite3 {
  const name = 'better-sqlite3';
  return createRequire(path.join(process.cwd(), 'package.json'))(name) as typeof BetterSqlite3;
}

/**
 * One table per collection (id primary key, json text), filled with the workspace's records in one
 * transaction. Each edit is then applied as its own transaction: the ops the service committed (the
 * highlight, plus the claims/relationships a delete unlinks), as upserts and deletes.
 */
export class SqliteSession {
  private readonly db: BetterSqlite3.Database;
  private readonly dir: string;
  private readonly apply: (w: TimedWrite) => void;
  private readonly times: Array<{ kind: WriteKind; ms: number }> = [];
  readonly rows: number;

  constructor(collections: CollectionsJson, readonly synchronous: SqliteSync) {
    const Database = loadSqlite();
    this.dir = fs.mkdtempSync(path.join(benchRoot(), 'sqlite-'));
    const db = (this.db = new Database(path.join(this.dir, 'bench.db')));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    const put = new Map<string, BetterSqlite3.Statement>();
    const del = new Map<string, BetterSqlite3.Statement>();
    for (const c of COLLECTION_NAMES) {
      db.exec(`CREATE TABLE ${c} (id TEXT PRIMARY KEY, json TEXT NOT NULL)`);
      put.set(c, db.prepare(`INSERT INTO ${c} (id, json) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json`));
      del.set(c, db.prepare(`DELETE FROM ${c} WHERE id = ?`));
    }
    let rows = 0;
    db.transaction(() => {
      for (const c of COLLECTION_NAMES) {
        for (const v of Object.values(collections[c])) {
          put.get(c)!.run(v.id, JSON.stringify(v));
          rows++;
        }
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    this.rows = rows;
    this.apply = db.transaction((w: TimedWrite) => {
      for (const op of w.ops) {
        if (op.t === 'put') put.get(op.c)!.run(op.v.id, JSON.stringify(op.v));
        else del.get(op.c)!.run(op.id);
      }
    });
  }

  /** Applies one edit in its own transaction; `record` false for warm-up. */
  write(w: TimedWrite, record: boolean): void {
    const t0 = performance.now();
    this.apply(w);
    if (record) this.times.push({ kind: w.kind, ms: performance.now() - t0 });
  }

  finish(): SqliteBenchResult {
    this.db.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
    const of = (kind?: WriteKind) => roundSummary(summarize(this.times.filter((t) => !kind || t.kind === kind).map((t) => t.ms)));
    return { synchronous: this.synchronous, rows: this.rows, all: of(), byKind: { create: of('create'), update: of('update'), delete: of('delete') } };
  }
}
