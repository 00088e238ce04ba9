import type { DefaultEventsMap, Socket } from 'socket.io';
import type { AuthUser } from '../common/auth/auth-user';
import type { SocketBudget } from './socket-limits';

/** What the server keeps on each socket (socket.data). */
export interface SocketData {
  user: AuthUser;
  /** Deliver everything after this event id first (auth.lastEventId, or the log position at handshake). */
  resumeAfter: number;
  /** Threads this socket watches (thread.watch), with their group. */
  watches: Map<string, string>;
  budget: SocketBudget;
}

export type KringSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
