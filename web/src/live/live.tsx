import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { io, type Socket } from 'socket.io-client';
import type { Membership, Notification, Reply, Thread } from '../api/types';

/** Server -> client events of shared/API.md (Socket.IO section). */
export interface LiveEvents {
  'question.created': { eventId: EventId; groupId: string; thread: Thread };
  'thread.created': { eventId: EventId; groupId: string; thread: Thread };
  'reply.created': { eventId: EventId; groupId: string; threadId: string; reply: Reply };
  'reply.updated': {
    eventId: EventId;
    groupId: string;
    threadId: string;
    change: string;
    reply: Reply;
  };
  'thread.updated': {
    eventId: EventId;
    groupId: string;
    threadId: string;
    change: string;
    thread: Thread;
  };
  'membership.changed': {
    eventId: EventId;
    groupId: string;
    status: Membership['status'];
    role: Membership['role'] | null;
  };
  'event.created': { eventId: EventId; groupId: string; event: unknown };
  notification: { eventId: EventId; notification: Notification };
  /**
   * Not from the server: the connection came back after a loss. `resumed`: the server was
   * given a lastEventId and replays what was missed; without one (no event had arrived yet)
   * it replays nothing.
   */
  'client.reconnected': { watchedThreadIds: string[]; resumed: boolean };
}
export type LiveEventName = keyof LiveEvents;
type EventId = string | number;
type Handler<E extends LiveEventName> = (payload: LiveEvents[E]) => void;

/** connecting: first try; live: connected; reconnecting: lost, trying again; offline: refused or signed out. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

interface LiveApi {
  subscribe<E extends LiveEventName>(event: E, handler: Handler<E>): () => void;
  /** Asks for reply.created / thread.updated of one thread while mounted; re-sent after every reconnect. */
  watchThread(threadId: string): () => void;
}

const LiveContext = createContext<LiveApi>({
  subscribe: () => () => {},
  watchThread: () => () => {},
});
const LiveStatusContext = createContext<LiveStatus>('offline');

const storageKey = (userId: string) => `kring.lastEventId.${userId}`;

/**
 * One Socket.IO connection per signed-in tab. The last event id seen is kept in
 * sessionStorage and sent on every (re)connect, so the server replays what the tab missed
 * while it was away, in order, before live events: no update is lost to a dropped network.
 */
export function LiveProvider({
  token,
  userId,
  children,
}: {
  token: string | null;
  userId: string | null;
  children: ReactNode;
}) {
  const [status, setStatus] = useState<LiveStatus>('offline');
  const handlers = useRef(new Map<string, Set<(p: unknown) => void>>());
  const watched = useRef(new Map<string, number>());
  const socketRef = useRef<Socket | null>(null);

  useEffect(() => {
    if (!token || !userId) {
      setStatus('offline');
      return;
    }
    const seen = new Set<string>();
    let lastEventId: string | null = sessionStorage.getItem(storageKey(userId));
    const socket = io({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      // A function, so each reconnect sends the newest lastEventId.
      auth: (cb) => cb(lastEventId ? { token, lastEventId: parseId(lastEventId) } : { token }),
    });
    socketRef.current = socket;
    setStatus('connecting');
    let connectedBefore = false;
    socket.on('connect', () => {
      setStatus('live');
      for (const threadId of watched.current.keys()) socket.emit('thread.watch', { threadId });
      if (connectedBefore) {
        const payload = {
          watchedThreadIds: [...watched.current.keys()],
          resumed: lastEventId !== null,
        };
        for (const h of handlers.current.get('client.reconnected') ?? []) h(payload);
      }
      connectedBefore = true;
    });
    socket.on('disconnect', (reason) =>
      setStatus(reason === 'io client disconnect' ? 'offline' : 'reconnecting'),
    );
    socket.on('connect_error', (err) => {
      // A refused handshake (bad token) is not retried by socket.io; anything else is.
      setStatus(socket.active ? 'reconnecting' : 'offline');
      if (!socket.active && err.message !== 'unauthorized')
        setTimeout(() => socket.connect(), 5000);
    });
    socket.onAny((event: string, payload: { eventId?: EventId } | undefined) => {
      const id = payload?.eventId;
      if (id !== undefined && id !== null) {
        const key = String(id);
        if (seen.has(key)) return; // a replay overlapping what already arrived
        seen.add(key);
        if (seen.size > 2000) seen.delete(seen.values().next().value as string);
        lastEventId = key;
        sessionStorage.setItem(storageKey(userId), key);
      }
      for (const h of handlers.current.get(event) ?? []) h(payload);
    });
    return () => {
      socketRef.current = null;
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token, userId]);

  // Stable for the provider's lifetime, so subscribers and watchers do not churn on status changes.
  const api = useMemo<LiveApi>(
    () => ({
      subscribe(event, handler) {
        const set = handlers.current.get(event) ?? new Set();
        set.add(handler as (p: unknown) => void);
        handlers.current.set(event, set);
        return () => set.delete(handler as (p: unknown) => void);
      },
      watchThread(threadId) {
        const count = watched.current.get(threadId) ?? 0;
        watched.current.set(threadId, count + 1);
        if (count === 0) socketRef.current?.emit('thread.watch', { threadId });
        return () => {
          const left = (watched.current.get(threadId) ?? 1) - 1;
          if (left > 0) watched.current.set(threadId, left);
          else {
            watched.current.delete(threadId);
            socketRef.current?.emit('thread.unwatch', { threadId });
          }
        };
      },
    }),
    [],
  );
  return (
    <LiveContext.Provider value={api}>
      <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>
    </LiveContext.Provider>
  );
}

/** Event ids are sent back as the server wrote them (a number stays a number). */
function parseId(id: string): string | number {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

/** Calls `handler` for each `event` while the component is mounted (the newest handler is used). */
export function useLiveEvent<E extends LiveEventName>(event: E, handler: Handler<E>): void {
  const live = useContext(LiveContext);
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => live.subscribe(event, (p) => ref.current(p)), [live, event]);
}

export function useWatchThread(threadId: string | undefined): void {
  const { watchThread } = useContext(LiveContext);
  useEffect(() => (threadId ? watchThread(threadId) : undefined), [watchThread, threadId]);
}
