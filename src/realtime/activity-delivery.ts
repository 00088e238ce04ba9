import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import { AudienceService } from '../modules/notifications/audience.service';
import { ActivityEvent } from './entities/activity-event.entity';
import { Payload, PayloadRenderer } from './payloads';
import { CATCHING_UP, groupRoom, threadRoom, userRoom } from './rooms';
import type { KringSocket } from './socket-data';

interface Prepared {
  event: ActivityEvent;
  payload: Payload;
  to: string[];
  except: string[];
  /** For membership changes: may the user still read the group's threads? */
  stillReads?: boolean;
}

/** How many events of a batch have their payload and audience resolved at once. */
const PREPARE_CONCURRENCY = 8;

/**
 * Delivers logged events to this instance's sockets, in id order. Each event's audience is
 * resolved against current memberships and subscriptions with a constant number of queries
 * (never one per recipient), then emitted to rooms once. Membership changes also move the
 * user's sockets in and out of the group's rooms, in log order, so nothing a later event
 * carries reaches a user who was banned or left before it.
 */
@Injectable()
export class ActivityDelivery {
  private readonly logger = new Logger('RealtimeDelivery');
  private server: Server | null = null;
  /** Bumped per user each time a membership change of theirs is applied here (see RealtimeGateway.joinGroupRooms). */
  private readonly membershipEpochs = new Map<string, number>();

  constructor(
    private readonly payloads: PayloadRenderer,
    private readonly audience: AudienceService,
  ) {}

  attach(server: Server): void {
    this.server = server;
  }

  membershipEpoch(userId: string): number {
    return this.membershipEpochs.get(userId) ?? 0;
  }

  forgetUser(userId: string): void {
    this.membershipEpochs.delete(userId);
  }

  /** Resolves every event of the batch, then emits them in order without yielding in between. */
  async deliver(events: ActivityEvent[]): Promise<void> {
    const server = this.server;
    if (!server) return;
    const prepared: (Prepared | null)[] = new Array(events.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < events.length) {
        const i = next++;
        prepared[i] = await this.prepare(events[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PREPARE_CONCURRENCY, events.length) }, worker));
    for (const p of prepared) if (p) this.emit(server, p);
  }

  private async prepare(event: ActivityEvent): Promise<Prepared | null> {
    try {
      const payload = await this.payloads.render(event);
      if (!payload) return null;
      const actor = event.actorId ? [userRoom(event.actorId)] : [];
      switch (event.type) {
        case 'question.created': {
          const optedOut = await this.audience.questionOptOuts(event.groupId!);
          return { event, payload, to: [groupRoom(event.groupId!)], except: [...actor, ...optedOut.map(userRoom)] };
        }
        case 'thread.created': {
          const subscribers = await this.audience.everyThreadSubscribers(event.groupId!);
          return { event, payload, to: subscribers.map(userRoom), except: actor };
        }
        case 'reply.created':
        case 'reply.updated':
        case 'thread.updated': {
          const watchers = await this.audience.threadWatchers(event.groupId!, event.threadId!);
          return { event, payload, to: [threadRoom(event.threadId!), ...watchers.map(userRoom)], except: actor };
        }
        case 'membership.changed': {
          const stillReads = await this.audience.userCanRead(event.groupId!, event.userId!);
          return { event, payload, to: [userRoom(event.userId!)], except: [], stillReads };
        }
        case 'notification':
          return { event, payload, to: [userRoom(event.userId!)], except: [] };
        default:
          return null;
      }
    } catch (err) {
      this.logger.error(`cannot deliver ${event.type} #${event.id}: ${(err as Error).message}`);
      return null;
    }
  }

  private emit(server: Server, p: Prepared): void {
    if (p.event.type === 'membership.changed') this.applyMembership(server, p);
    if (!p.to.length) return;
    server.local.to(p.to).except([CATCHING_UP, ...p.except]).emit(p.event.type, p.payload);
  }

  /**
   * Moves the user's sockets on this instance: active members are in the group's room, anyone
   * else is not; whoever may no longer read the group also stops hearing the threads they
   * watched in it.
   */
  private applyMembership(server: Server, p: Prepared): void {
    const { groupId, userId } = p.event as { groupId: string; userId: string };
    const sockets = this.localSocketsOf(server, userId);
    if (!sockets.length) return;
    this.membershipEpochs.set(userId, this.membershipEpoch(userId) + 1);
    const active = p.payload.status === 'active';
    for (const socket of sockets) {
      if (active) void socket.join(groupRoom(groupId));
      else void socket.leave(groupRoom(groupId));
      if (!p.stillReads) {
        for (const [threadId, watchedGroupId] of socket.data.watches) {
          if (watchedGroupId !== groupId) continue;
          socket.data.watches.delete(threadId);
          void socket.leave(threadRoom(threadId));
        }
      }
    }
  }

  /** This instance's sockets of one user (synchronously, so room moves keep the log's order). */
  localSocketsOf(server: Server, userId: string): KringSocket[] {
    const ids = server.of('/').adapter.rooms.get(userRoom(userId));
    if (!ids) return [];
    const out: KringSocket[] = [];
    for (const id of ids) {
      const socket = server.of('/').sockets.get(id);
      if (socket) out.push(socket as KringSocket);
    }
    return out;
  }
}
