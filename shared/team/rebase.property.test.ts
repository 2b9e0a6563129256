import { describe, expect, it } from 'vitest';
import type { Op } from '../domain/ops';
import { WorkspaceState } from '../domain/state';
import type { Claim, Highlight } from '../domain/types';
import { claim, Client, highlight, prng } from './fixtures';
import type { RemoteOp } from './rebase';

const RUNS = process.env.WORKBENCH_LONG_TESTS === '1' ? 2_000 : 150;

/** The server: one log, sequence = position. A push is accepted only from a client that has pulled to the head. */
class Server {
  log: RemoteOp[] = [];
  sync(c: Client): void {
    c.pull(this.log.filter((o) => o.seq > c.lastSeq));
    this.log.push(...c.push(this.log.length));
  }
  state(): unknown {
    const s = WorkspaceState.fromJson({ claims: { c1: claim() }, highlights: { h1: highlight() } });
    s.applyOps(this.log.map((o) => o.op));
    return s.toJson();
  }
}

function randomEdit(rand: () => number, c: Client, n: number): Op[] {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const id = pick(['c1', 'c2']);
  const cur: Claim = c.state.get('claims', id) ?? claim({ id });
  const h: Highlight = c.state.get('highlights', 'h1') ?? highlight();
  const v = `${c.name}${n}`;
  switch (Math.floor(rand() * 7)) {
    case 0: return [{ t: 'put', c: 'claims', v: { ...cur, statement: v } }];
    case 1: return [{ t: 'put', c: 'claims', v: { ...cur, tagIds: [...cur.tagIds, v] } }];
    case 2: return [{ t: 'put', c: 'claims', v: { ...cur, tagIds: cur.tagIds.slice(1) } }];
    case 3: return [{ t: 'del', c: 'claims', id }];
    case 4: return [{ t: 'put', c: 'highlights', v: { ...h, note: v } }];
    case 5: return [{ t: 'put', c: 'highlights', v: { ...h, tagIds: [...h.tagIds, v] } }, { t: 'put', c: 'claims', v: { ...cur, credibility: pick([1, 2, 3] as const) } }];
    default: return [{ t: 'put', c: 'highlights', v: { ...h, color: pick(['green', 'blue'] as const) } }];
  }
}

describe('rebase property (three clients, random edits, syncs in random order)', () => {
  it(`every client ends with the server's state, and re-delivering the whole log changes nothing (${RUNS} seeds)`, () => {
    let conflicts = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(seed);
      const server = new Server();
      const clients = [new Client('ana'), new Client('ben'), new Client('cem')];
      for (let step = 0; step < 40; step++) {
        const c = clients[Math.floor(rand() * clients.length)]!;
        if (rand() < 0.65) c.edit(randomEdit(rand, c, step), step);
        else {
          const before = c.lastSeq;
          const pulled = server.log.filter((o) => o.seq > before);
          const out = c.pull(pulled);
          conflicts += out.conflicts.length;
          server.log.push(...c.push(server.log.length));
        }
      }
      // Everyone syncs until nothing is pending, then pulls the rest.
      for (let round = 0; clients.some((c) => c.pending.length > 0); round++) {
        if (round > 5) throw new Error(`seed ${seed}: pending edits never drain`);
        for (const c of clients) server.sync(c);
      }
      for (const c of clients) server.sync(c);
      const expected = server.state();
      for (const c of clients) expect(c.state.toJson(), `seed ${seed} ${c.name}`).toEqual(expected);
      const again = clients[0]!.pull(server.log.map((o) => ({ ...o })));
      expect(again.apply, `seed ${seed}`).toEqual([]);
      clients[0]!.lastSeq = 0; // a lost sequence number: the whole log again, as if never seen
      expect(clients[0]!.pull(server.log).apply, `seed ${seed}`).toEqual([]);
    }
    expect(conflicts).toBeGreaterThan(RUNS / 5);
  });
});
