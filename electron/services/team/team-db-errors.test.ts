/** A team-database connection dropped while a query runs fails that query; it never crashes the process. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { TeamDb } from './team-db';

/** A pool handing out one client whose connection drops mid-query, as pg's Client does (an 'error' event, then the rejection). */
function droppingPool() {
  const released: unknown[] = [];
  const client = Object.assign(new EventEmitter(), {
    query: () => new Promise((_, reject) => {
      setTimeout(() => {
        const e = new Error('Connection terminated unexpectedly');
        client.emit('error', e);
        reject(e);
      }, 5);
    }),
    release: (err?: unknown) => { released.push(err); },
  });
  return { pool: { connect: async () => client }, client, released };
}

describe('team database connection drops', () => {
  it('rejects the query in flight, hears the client error event, and destroys the broken client', async () => {
    const { pool, client, released } = droppingPool();
    const db = new (TeamDb as unknown as new (p: unknown, c: unknown) => TeamDb)(pool, {});
    await expect(db.pullOps('00000000-0000-0000-0000-000000000001', 0)).rejects.toThrow('Connection terminated unexpectedly');
    expect(client.listenerCount('error')).toBe(0);
    expect(released).toHaveLength(1);
    expect((released[0] as Error).message).toBe('Connection terminated unexpectedly');
  });
});
