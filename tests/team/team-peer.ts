/**
 * One workbench process for the two-process team demo (run by two-processes.test.ts through jiti): opens a linked
 * workspace, syncs in the background (LISTEN/NOTIFY), and takes JSON-line commands on stdin, answering on stdout.
 * Env: WORKBENCH_TEAM_PASSWORD; TEAM_DB_PORT overrides the port in team.json (a relay the test can cut).
 */
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import pg from 'pg';
import { Workbench } from '../../electron/services/workbench/workbench';
import { createHighlight } from '../../electron/services/workbench/highlights';
import { createClaim, updateClaim } from '../../electron/services/workbench/claims';
import { readCliPassword, withPassword } from '../../electron/services/team/credentials';
import { TeamSync } from '../../electron/services/team/sync';
import { readLink } from '../../electron/services/team/sync-state';

type Cmd = { id: number; cmd: string; [k: string]: unknown };

async function main(): Promise<void> {
  const dir = process.argv[2]!;
  const link = readLink(dir);
  if (!link) throw new Error(`${dir} is not linked to a team`);
  const u = new URL(withPassword(link.url, readCliPassword({})));
  if (process.env.TEAM_DB_PORT) u.port = process.env.TEAM_DB_PORT;
  const connectionString = u.toString();
  const wb = await Workbench.open(dir, { autoBackup: false });
  const sync = TeamSync.attach(wb, { connectionString, poolSize: 1 });
  sync.start();
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const sourceId = () => wb.state.all('sources')[0]!.id;

  const handle = async (c: Cmd): Promise<unknown> => {
    switch (c.cmd) {
      case 'highlight':
        return must(createHighlight(wb, { sourceId: sourceId(), start: c.start as number, end: c.end as number, color: 'yellow', tagIds: [], note: String(c.note ?? '') })).id;
      case 'claim':
        return must(createClaim(wb, { claimantId: null, statement: String(c.statement), type: 'fact', claimedAt: '', credibility: 3, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [] })).id;
      case 'editClaim':
        return must(updateClaim(wb, { id: String(c.claimId), statement: String(c.statement) })).statement;
      case 'get':
        return wb.state.get(c.collection as 'highlights', String(c.recordId)) ?? null;
      case 'ids':
        return wb.state.all(c.collection as 'highlights').map((r) => r.id);
      case 'sync':
        return sync.syncOnce();
      case 'status':
        return { ...sync.status(), conflicts: sync.conflicts() };
      case 'author':
        return sync.authorOf(String(c.collection), String(c.recordId));
      case 'rawInsert': {
        // What a modified client could send: an op written straight into the table, bypassing the app.
        const client = new pg.Client({ connectionString });
        await client.connect();
        try {
          await client.query(`INSERT INTO team.ops (op_id, workspace_id, tx_id, collection, record_id, kind, value)
            VALUES ($1, $2, $3, 'highlights', 'forged', 'put', '{"id":"forged"}')`, [randomUUID(), link.workspaceId, randomUUID()]);
          return { refused: null };
        } catch (e) {
          return { refused: (e as Error).message, code: (e as { code?: string }).code };
        } finally {
          await client.end();
        }
      }
      case 'quit':
        await sync.stop();
        await wb.close();
        return 'bye';
      default:
        throw new Error(`unknown command ${c.cmd}`);
    }
  };

  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const c = JSON.parse(line) as Cmd;
    handle(c).then(
      (value) => {
        process.stdout.write(`${JSON.stringify({ id: c.id, value })}\n`);
        if (c.cmd === 'quit') process.exit(0);
      },
      (e: Error) => process.stdout.write(`${JSON.stringify({ id: c.id, error: e.message })}\n`),
    );
  });
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`peer failed: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
