import { io, Socket } from 'socket.io-client';
import type { TestApp } from './test-app';

export interface Received {
  event: string;
  payload: Record<string, unknown>;
}

/** A connected socket.io client that records every event it receives, in order. */
export interface TestSocket {
  socket: Socket;
  received: Received[];
  /** Resolves with the first received event (already or later) that matches. */
  waitFor(event: string, match?: (payload: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Received events of one name (or of all names but `exception` when omitted). */
  events(event?: string): Record<string, unknown>[];
  /** Emits with an acknowledgement and resolves with the answer. */
  ask(event: string, body: unknown): Promise<Record<string, unknown>>;
  close(): void;
}

interface Options {
  lastEventId?: number | string | null;
  url?: string;
}

function baseUrl(target: TestApp | string): string {
  return typeof target === 'string' ? target : target.url;
}

function record(socket: Socket): Pick<TestSocket, 'received' | 'waitFor' | 'events'> {
  const received: Received[] = [];
  const waiters: { event: string; match: (p: Record<string, unknown>) => boolean; resolve: (p: Record<string, unknown>) => void }[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>) => {
    received.push({ event, payload });
    for (const w of [...waiters]) {
      if (w.event === event && w.match(payload)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(payload);
      }
    }
  });
  return {
    received,
    events: (event) => received.filter((r) => (event ? r.event === event : r.event !== 'exception')).map((r) => r.payload),
    waitFor: (event, match = () => true, timeoutMs = 10_000) => {
      const hit = received.find((r) => r.event === event && match(r.payload));
      if (hit) return Promise.resolve(hit.payload);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no ${event} event arrived; received: ${JSON.stringify(received.map((r) => r.event))}`));
        }, timeoutMs);
        const waiter = {
          event,
          match,
          resolve: (p: Record<string, unknown>) => {
            clearTimeout(timer);
            resolve(p);
          },
        };
        waiters.push(waiter);
      });
    },
  };
}

function open(target: TestApp | string, auth: Record<string, unknown>): Socket {
  return io(baseUrl(target), { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth, timeout: 10_000 });
}

/** Connects as the holder of `token` (after the server set the socket up) or rejects with the connect_error message. */
export function connectSocket(target: TestApp | string, token: string, opts: Options = {}): Promise<TestSocket> {
  const auth: Record<string, unknown> = { token };
  if (opts.lastEventId !== undefined) auth.lastEventId = opts.lastEventId;
  const socket = open(opts.url ?? target, auth);
  const recorder = record(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (err) => {
      socket.close();
      reject(new Error(err.message));
    });
    socket.once('connect', () =>
      resolve({
        socket,
        ...recorder,
        ask: (event, body) => socket.timeout(10_000).emitWithAck(event, body) as Promise<Record<string, unknown>>,
        close: () => socket.close(),
      }),
    );
  });
}

/** The message a refused handshake answers with. */
export function handshakeError(target: TestApp | string, auth: Record<string, unknown>): Promise<string> {
  const socket = open(target, auth);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the handshake was accepted'));
    });
  });
}

/** Resolves when the socket is disconnected by the server (with the reason). */
export function disconnected(s: TestSocket, timeoutMs = 10_000): Promise<string> {
  if (!s.socket.connected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not disconnect the socket')), timeoutMs);
    s.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/**
 * Makes an event addressed to `user` (they join a fresh open group) and waits until each of
 * `sockets` has received it. A socket receives events in log order, so by then everything
 * committed before has been delivered to it or withheld from it: absence can be asserted
 * without waiting on a clock.
 */
export async function caughtUp(t: TestApp, user: { id: string; auth: { Authorization: string } }, ...sockets: TestSocket[]): Promise<void> {
  const owner = await t.http().post('/api/auth/register').send({
    email: `marker.${user.id}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}@example.org`,
    password: 'correct horse battery',
    displayName: 'Marker Owner',
  });
  const group = await t
    .http()
    .post('/api/groups')
    .set({ Authorization: `Bearer ${owner.body.accessToken}` })
    .send({ name: `Marker ${Math.random().toString(36).slice(2)}`, description: 'marker', visibility: 'public', joinPolicy: 'open' });
  if (group.status !== 201) throw new Error(`caughtUp: creating the marker group answered ${group.status}`);
  const joined = await t.http().post(`/api/groups/${group.body.id}/join`).set(user.auth).send({});
  if (joined.status !== 201) throw new Error(`caughtUp: joining the marker group answered ${joined.status}`);
  await Promise.all(sockets.map((s) => s.waitFor('membership.changed', (p) => p.groupId === group.body.id)));
}
