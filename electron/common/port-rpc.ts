/**
 * A small typed request/reply and one-way event protocol over any message port (a worker's MessagePort, a forked
 * child's IPC channel, Electron's utilityProcess port). Every reply is a value: a handler that throws, a message
 * that cannot be sent and a port that closes all come back as `{ ok: false, error }`, never as an exception.
 */

/** The least a port must do; adapters wrap Electron's and Node's ports into this (no Electron import here). */
export interface RpcPort {
  postMessage(msg: unknown): void;
  onMessage(listener: (msg: unknown) => void): void;
}

/** A protocol direction: method name → its params and the value its reply carries. */
export type Methods = Record<string, { params: unknown; value: unknown }>;
/** A protocol direction's events: name → payload. */
export type Events = Record<string, unknown>;

export type RpcErrorCode = 'closed' | 'unknown_method' | 'failed' | 'unsendable';
export interface RpcError { code: RpcErrorCode; message: string }
export type RpcReply<V> = { ok: true; value: V } | { ok: false; error: RpcError };

export type Handlers<In extends Methods> = { [M in keyof In]: (params: In[M]['params']) => In[M]['value'] | Promise<In[M]['value']> };

export interface PeerOptions<In extends Methods, InEvents extends Events> {
  /** Answers the other side's requests. */
  handlers: Handlers<In>;
  /** Hears the other side's events. */
  onEvent?: <E extends keyof InEvents & string>(name: E, payload: InEvents[E]) => void;
}

export interface Peer<Out extends Methods, OutEvents extends Events> {
  request<M extends keyof Out & string>(method: M, params: Out[M]['params']): Promise<RpcReply<Out[M]['value']>>;
  emit<E extends keyof OutEvents & string>(name: E, payload: OutEvents[E]): void;
  /** The port is gone: every pending request, and every later one, fails with `reason`. */
  close(reason: string): void;
  /** Requests waiting for their reply. */
  pending(): number;
}

/** Marks our messages, so anything else travelling on the same port (e.g. Node's internal IPC) is ignored. */
const TAG = 'wb-rpc/1';

type Wire =
  | { tag: typeof TAG; t: 'req'; id: number; method: string; params: unknown }
  | { tag: typeof TAG; t: 'res'; id: number; reply: RpcReply<unknown> }
  | { tag: typeof TAG; t: 'evt'; name: string; payload: unknown };

const isWire = (m: unknown): m is Wire => typeof m === 'object' && m !== null && (m as { tag?: unknown }).tag === TAG;
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createPeer<Out extends Methods, OutEvents extends Events, In extends Methods, InEvents extends Events>(
  port: RpcPort, opts: PeerOptions<In, InEvents>,
): Peer<Out, OutEvents> {
  const waiting = new Map<number, (reply: RpcReply<unknown>) => void>();
  let nextId = 1;
  let closedReason: string | null = null;

  /** False when the port refused the message (closed channel, a value structured clone cannot copy). */
  const send = (msg: Wire): string | null => {
    try {
      port.postMessage(msg);
      return null;
    } catch (e) {
      return messageOf(e);
    }
  };

  const answer = async (id: number, method: string, params: unknown): Promise<void> => {
    let reply: RpcReply<unknown>;
    const handler = Object.hasOwn(opts.handlers, method) ? (opts.handlers as Record<string, (p: unknown) => unknown>)[method] : undefined;
    if (!handler) {
      reply = { ok: false, error: { code: 'unknown_method', message: `No such request: ${method.slice(0, 100)}` } };
    } else {
      try {
        reply = { ok: true, value: await handler(params) };
      } catch (e) {
        reply = { ok: false, error: { code: 'failed', message: messageOf(e) } };
      }
    }
    if (closedReason !== null) return;
    const refused = send({ tag: TAG, t: 'res', id, reply });
    // The value could not be copied: say so, so the asker is not left waiting for ever.
    if (refused) send({ tag: TAG, t: 'res', id, reply: { ok: false, error: { code: 'unsendable', message: `The reply to ${method} could not be sent: ${refused}` } } });
  };

  port.onMessage((msg) => {
    if (!isWire(msg) || closedReason !== null) return;
    if (msg.t === 'req') void answer(msg.id, String(msg.method), msg.params);
    else if (msg.t === 'res') {
      const resolve = waiting.get(msg.id);
      waiting.delete(msg.id);
      resolve?.(msg.reply);
    } else if (msg.t === 'evt') {
      try {
        opts.onEvent?.(msg.name as keyof InEvents & string, msg.payload as InEvents[keyof InEvents & string]);
      } catch (e) {
        // A listener's bug must not stop the port from delivering replies.
        console.error(`[port-rpc] event ${msg.name} listener failed:`, e);
      }
    }
  });

  return {
    request(method, params) {
      if (closedReason !== null) return Promise.resolve({ ok: false, error: { code: 'closed', message: closedReason } });
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve as (reply: RpcReply<unknown>) => void);
        const refused = send({ tag: TAG, t: 'req', id, method, params });
        if (refused === null) return;
        waiting.delete(id);
        resolve({ ok: false, error: { code: 'unsendable', message: `The request ${method} could not be sent: ${refused}` } });
      });
    },
    emit(name, payload) {
      if (closedReason === null) send({ tag: TAG, t: 'evt', name, payload });
    },
    close(reason) {
      if (closedReason !== null) return;
      closedReason = reason;
      const pending = [...waiting.values()];
      waiting.clear();
      for (const resolve of pending) resolve({ ok: false, error: { code: 'closed', message: reason } });
    },
    pending: () => waiting.size,
  };
}
