/**
 * Many socket.io clients in one process of their own (bench:fanout, bench:resume, load),
 * driven over IPC by the benchmark. They record when each event arrives, keyed by the
 * thread it carries, and report when every socket has it.
 *
 * parent -> child: ClientCommand; child -> parent: ClientReport.
 */
import { performance } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';

export type ClientCommand =
  | {
      cmd: 'connect';
      url: string;
      tokens: (string | null)[];
      lastEventIds?: number[];
      concurrency: number;
      expectPerSocket?: number;
    }
  | { cmd: 'disconnect' }
  | { cmd: 'exit' };

export type ClientReport =
  | { type: 'connected'; connected: number; failed: number; ms: number; errors: string[] }
  /** Every socket received the event about this thread. */
  | { type: 'delivered'; key: string; firstAt: number; lastAt: number; eventId: number }
  /** Every socket received `expectPerSocket` events since connecting. */
  | { type: 'caughtUp'; startedAt: number; lastAt: number; events: number; outOfOrder: number }
  | { type: 'stats'; received: number; lastEventIds: number[] }
  | { type: 'disconnected' };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();

let sockets: Socket[] = [];
const arrivals = new Map<
  string,
  { count: number; firstAt: number; lastAt: number; eventId: number }
>();
let received = 0;
let lastEventIds: number[] = [];
let perSocket: number[] = [];
let outOfOrder = 0;
let catchUp: { expect: number; done: number; startedAt: number; lastAt: number } | null = null;

function send(report: ClientReport): void {
  process.send!(report);
}

function onEvent(i: number, payload: { eventId?: number; thread?: { id?: string } }): void {
  const at = now();
  received++;
  const id = payload.eventId ?? 0;
  if (id && lastEventIds[i] && id <= lastEventIds[i]) outOfOrder++;
  if (id) lastEventIds[i] = id;
  const key = payload.thread?.id ?? String(id);
  let a = arrivals.get(key);
  if (!a) arrivals.set(key, (a = { count: 0, firstAt: at, lastAt: at, eventId: id }));
  a.count++;
  a.lastAt = at;
  if (a.count === sockets.length) {
    send({ type: 'delivered', key, firstAt: a.firstAt, lastAt: a.lastAt, eventId: a.eventId });
    arrivals.delete(key);
  }
  if (catchUp) {
    catchUp.lastAt = at;
    if (++perSocket[i] === catchUp.expect && ++catchUp.done === sockets.length) {
      send({
        type: 'caughtUp',
        startedAt: catchUp.startedAt,
        lastAt: at,
        events: received,
        outOfOrder,
      });
      catchUp = null;
    }
  }
}

async function connectAll(c: Extract<ClientCommand, { cmd: 'connect' }>): Promise<void> {
  const started = now();
  sockets = [];
  arrivals.clear();
  received = 0;
  outOfOrder = 0;
  lastEventIds = c.lastEventIds ? [...c.lastEventIds] : c.tokens.map(() => 0);
  perSocket = c.tokens.map(() => 0);
  catchUp = c.expectPerSocket
    ? { expect: c.expectPerSocket, done: 0, startedAt: started, lastAt: started }
    : null;
  let failed = 0;
  const errors: string[] = [];
  let next = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const auth: Record<string, unknown> = {};
      if (c.tokens[i]) auth.token = c.tokens[i];
      if (c.lastEventIds) auth.lastEventId = c.lastEventIds[i];
      const s = io(c.url, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth,
        timeout: 60_000,
      });
      s.on('question.created', (p) => onEvent(i, p));
      sockets[i] = s;
      s.once('connect', () => resolve());
      s.once('connect_error', (err) => {
        failed++;
        if (errors.length < 5) errors.push(err.message);
        resolve();
      });
    });
  // A bounded number of handshakes at a time, like clients arriving over a few seconds.
  await Promise.all(
    Array.from({ length: Math.min(c.concurrency, c.tokens.length) }, async () => {
      while (next < c.tokens.length) await one(next++);
    }),
  );
  send({
    type: 'connected',
    connected: sockets.length - failed,
    failed,
    ms: now() - started,
    errors,
  });
}

process.on('message', (c: ClientCommand) => {
  if (c.cmd === 'connect') void connectAll(c);
  else if (c.cmd === 'disconnect') {
    send({ type: 'stats', received, lastEventIds: [...lastEventIds] });
    for (const s of sockets) s.close();
    sockets = [];
    send({ type: 'disconnected' });
  } else if (c.cmd === 'exit') {
    for (const s of sockets) s.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
