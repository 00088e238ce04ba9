import { HttpException, Logger, NotFoundException } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Server } from 'socket.io';
import { isId } from '../common/ids';
import { bearerToken } from '../modules/auth/auth.guard';
import { TokenService } from '../modules/auth/token.service';
import { AudienceService } from '../modules/notifications/audience.service';
import { ActivityDelivery } from './activity-delivery';
import { ActivityTailer } from './activity-tailer';
import { CatchUp } from './catch-up';
import { CATCHING_UP, groupRoom, threadRoom, userRoom } from './rooms';
import type { KringSocket } from './socket-data';
import { MAX_SOCKETS_PER_USER, MAX_WATCHED_THREADS, SocketBudget } from './socket-limits';

/** What thread.watch and thread.unwatch answer. */
export type WatchAck = { ok: true } | { ok: false; error: string };

/** The events a client may send. */
const CLIENT_EVENTS = new Set(['thread.watch', 'thread.unwatch']);

/**
 * Socket.IO endpoint (/socket.io). The handshake carries the access token (`auth.token`);
 * sockets are joined to their user's room and their active groups' rooms by the server, and
 * to a thread's room by thread.watch after an access check. What reaches them is decided by
 * ActivityDelivery (live) and CatchUp (missed events on reconnect).
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('RealtimeGateway');
  private server: Server | null = null;

  constructor(
    private readonly tokens: TokenService,
    private readonly tailer: ActivityTailer,
    private readonly delivery: ActivityDelivery,
    private readonly catchUp: CatchUp,
    private readonly audience: AudienceService,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    this.delivery.attach(server);
    server.use((socket, next) => {
      this.authenticate(socket as KringSocket).then(
        () => next(),
        (err: Error) => next(err),
      );
    });
  }

  /** Handshake: refused with `unauthorized` unless the token resolves to a user now (revoked tokens do not). */
  private async authenticate(socket: KringSocket): Promise<void> {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const token = typeof auth.token === 'string' ? auth.token : bearerToken(socket.handshake.headers.authorization);
    let user;
    try {
      user = await this.tokens.resolve(token);
    } catch (err) {
      this.logger.warn(`socket handshake could not check its token: ${(err as Error).message}`);
      throw new Error('service unavailable, try again', { cause: err });
    }
    if (!user) throw new Error('unauthorized');
    const lastEventId = auth.lastEventId;
    let resumeAfter = this.tailer.position;
    if (lastEventId !== undefined && lastEventId !== null) {
      const n = typeof lastEventId === 'string' && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : lastEventId;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new Error('lastEventId must be a whole number');
      resumeAfter = n;
    }
    if (this.server && this.delivery.localSocketsOf(this.server, user.id).length >= MAX_SOCKETS_PER_USER) {
      throw new Error('too many connections for this user');
    }
    socket.data = { user, resumeAfter, watches: new Map(), budget: new SocketBudget() };
  }

  async handleConnection(socket: KringSocket): Promise<void> {
    const user = socket.data?.user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    // Before anything async: from here on, nothing for this user is lost (see CatchUp).
    void socket.join([userRoom(user.id), CATCHING_UP]);
    socket.use((packet, next) => this.screen(socket, packet, next));
    socket.on('error', () => undefined);
    try {
      await this.joinGroupRooms(socket);
      await this.catchUp.run(socket);
    } catch (err) {
      this.logger.error(`could not set up socket of user ${user.id}: ${(err as Error).message}`);
      socket.emit('exception', { message: 'service unavailable, reconnect later' });
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: KringSocket): void {
    const user = socket.data?.user;
    if (user && this.server && this.delivery.localSocketsOf(this.server, user.id).length === 0) this.delivery.forgetUser(user.id);
  }

  @SubscribeMessage('thread.watch')
  async watch(@ConnectedSocket() socket: KringSocket, @MessageBody() body: unknown): Promise<WatchAck> {
    const threadId = threadIdOf(body);
    if (!threadId) return { ok: false, error: 'threadId must be a valid id' };
    const { watches, user } = socket.data;
    if (watches.has(threadId)) return { ok: true };
    if (watches.size >= MAX_WATCHED_THREADS) return { ok: false, error: `a connection may watch at most ${MAX_WATCHED_THREADS} threads` };
    // Re-check if a membership change of this user was applied meanwhile (it may have been a ban).
    for (let attempt = 0; attempt < 3; attempt++) {
      const epoch = this.delivery.membershipEpoch(user.id);
      try {
        const { groupId } = await this.audience.readableThread(threadId, user.id);
        if (epoch !== this.delivery.membershipEpoch(user.id)) continue;
        if (!socket.connected) return { ok: false, error: 'disconnected' };
        watches.set(threadId, groupId);
        void socket.join(threadRoom(threadId));
        return { ok: true };
      } catch (err) {
        if (err instanceof NotFoundException) return { ok: false, error: 'thread not found' };
        if (err instanceof HttpException) return { ok: false, error: err.message };
        this.logger.error(`thread.watch failed: ${(err as Error).message}`);
        return { ok: false, error: 'service unavailable, try again' };
      }
    }
    return { ok: false, error: 'your membership changed, try again' };
  }

  @SubscribeMessage('thread.unwatch')
  unwatch(@ConnectedSocket() socket: KringSocket, @MessageBody() body: unknown): WatchAck {
    const threadId = threadIdOf(body);
    if (!threadId) return { ok: false, error: 'threadId must be a valid id' };
    socket.data.watches.delete(threadId);
    void socket.leave(threadRoom(threadId));
    return { ok: true };
  }

  /**
   * Puts the socket in the rooms of the groups the user is an active member of now. If a
   * membership change of the user was applied while the memberships were read, they are read
   * again, so the rooms never lag behind the log.
   */
  private async joinGroupRooms(socket: KringSocket): Promise<void> {
    const userId = socket.data.user.id;
    for (let attempt = 0; ; attempt++) {
      const epoch = this.delivery.membershipEpoch(userId);
      const reader = await this.audience.readerContext(userId);
      if (!socket.connected) return;
      if (epoch !== this.delivery.membershipEpoch(userId) && attempt < 10) continue;
      const wanted = new Set(reader.activeGroupIds.map(groupRoom));
      for (const room of socket.rooms) if (room.startsWith('g:') && !wanted.has(room)) void socket.leave(room);
      void socket.join([...wanted]);
      return;
    }
  }

  /**
   * Every incoming packet passes here first: over the rate, or not an event Kring knows, it is
   * answered with an error (the ack if there is one, else an `exception` event) and counts
   * against the socket, which is disconnected when it keeps at it.
   */
  private screen(socket: KringSocket, packet: unknown[], next: (err?: Error) => void): void {
    const [event] = packet;
    const last = packet[packet.length - 1];
    const ack = typeof last === 'function' ? (last as (answer: WatchAck) => void) : null;
    const refuse = (error: string, weight: number) => {
      if (ack) ack({ ok: false, error });
      else socket.emit('exception', { message: error });
      if (socket.data.budget.strike(weight)) socket.disconnect(true);
    };
    if (!socket.data.budget.take()) return refuse('too many messages, slow down', 1);
    if (typeof event !== 'string' || !CLIENT_EVENTS.has(event)) return refuse('unknown event', 5);
    next();
  }
}

function threadIdOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { threadId } = body as { threadId?: unknown };
  return isId(threadId) ? (threadId as string) : null;
}
