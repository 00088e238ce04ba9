import { Injectable } from '@nestjs/common';
import { AudienceService, ReaderContext } from '../modules/notifications/audience.service';
import { ActivityLogRepository } from './activity-log.repository';
import { ActivityLogService } from './activity-log.service';
import { ActivityTailer } from './activity-tailer';
import { ActivityEvent } from './entities/activity-event.entity';
import { PayloadRenderer } from './payloads';
import { CATCHING_UP } from './rooms';
import type { KringSocket } from './socket-data';

const PAGE = 500;

/**
 * Sends a (re)connecting socket every event meant for it after `resumeAfter`, in order and
 * once, then lets it receive live events. While it runs the socket sits in CATCHING_UP, which
 * live delivery skips; it reads up to the tailer's position (everything up to there was
 * delivered live to others and skipped for this socket), and leaves CATCHING_UP in the same
 * tick as it finds nothing more, so no event falls between the two.
 *
 * The audience is decided now, against current memberships and subscriptions: a user banned
 * from or gone from a group gets none of its missed events.
 */
@Injectable()
export class CatchUp {
  constructor(
    private readonly log: ActivityLogRepository,
    private readonly activity: ActivityLogService,
    private readonly tailer: ActivityTailer,
    private readonly audience: AudienceService,
    private readonly payloads: PayloadRenderer,
  ) {}

  async run(socket: KringSocket): Promise<void> {
    const userId = socket.data.user.id;
    let after = socket.data.resumeAfter;
    if (after > this.tailer.position) {
      // The client heard of events this instance has not delivered yet (from another
      // instance): wait for them, unless the id is beyond anything in the log.
      const latest = await this.activity.latestId();
      after = Math.min(after, latest);
      await this.tailer.reached(after);
    }
    let reader: ReaderContext | null = null;
    while (socket.connected) {
      const upTo = this.tailer.position;
      if (upTo <= after) {
        void socket.leave(CATCHING_UP);
        return;
      }
      reader ??= await this.audience.readerContext(userId);
      const page = await this.log.findForUser(userId, reader.activeGroupIds, after, upTo, PAGE);
      const meant = await this.meantFor(reader, page);
      const payloads = await Promise.all(meant.map((e) => this.payloads.render(e)));
      for (let i = 0; i < meant.length && socket.connected; i++) {
        const payload = payloads[i];
        if (payload) socket.emit(meant[i].type, payload);
      }
      after = page.length === PAGE ? page[page.length - 1].id : upTo;
    }
  }

  /** The events of the page the reader should receive, by the same rules as live delivery. */
  private async meantFor(reader: ReaderContext, events: ActivityEvent[]): Promise<ActivityEvent[]> {
    const threadIds = events.filter((e) => e.userId === null && e.threadId && isThreadEvent(e)).map((e) => e.threadId!);
    const [watched, groups] = await Promise.all([
      this.audience.watchedAmong(reader.userId, threadIds),
      this.audience.groupsById(events.filter((e) => e.groupId).map((e) => e.groupId!)),
    ]);
    const canRead = (groupId: string) => {
      const group = groups.get(groupId);
      return !!group && this.audience.canRead(group, reader.memberships.get(groupId) ?? null, reader.userId);
    };
    return events.filter((e) => {
      if (e.type === 'membership.changed') return e.userId === reader.userId;
      if (e.type === 'notification') return e.userId === reader.userId && canRead(e.groupId!);
      if (e.actorId === reader.userId) return false;
      const m = reader.memberships.get(e.groupId!);
      const active = m?.status === 'active';
      if (e.type === 'question.created') return active && m.subscriptionLevel !== 'muted' && m.subscriptionLevel !== 'mentions';
      if (e.type === 'thread.created') return active && m.subscriptionLevel === 'all';
      return watched.has(e.threadId!) && canRead(e.groupId!);
    });
  }
}

function isThreadEvent(e: ActivityEvent): boolean {
  return e.type === 'reply.created' || e.type === 'reply.updated' || e.type === 'thread.updated';
}
