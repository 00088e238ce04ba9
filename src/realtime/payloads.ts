import { Injectable, Logger } from '@nestjs/common';
import { NotificationsService } from '../modules/notifications/notifications.service';
import { ContentViews } from './content-views';
import { ActivityEvent } from './entities/activity-event.entity';

export type Payload = Record<string, unknown> & { eventId: number };

/** Rendered payloads kept per instance, so a burst of reconnecting clients renders each event once. */
const CACHE_SIZE = 5000;

/**
 * Turns a logged event (ids only) into the payload clients receive, with the thread, reply or
 * notification as the HTTP API shows it (viewed anonymously: no per-user fields). Rendering is
 * shared by every recipient of the event.
 */
@Injectable()
export class PayloadRenderer {
  private readonly logger = new Logger('RealtimePayloads');
  private readonly cache = new Map<number, Promise<Payload | null>>();

  constructor(
    private readonly views: ContentViews,
    private readonly notifications: NotificationsService,
  ) {}

  /** The payload, or null when what the event is about no longer exists (it is then not sent). */
  render(event: ActivityEvent): Promise<Payload | null> {
    const hit = this.cache.get(event.id);
    if (hit) return hit;
    const made = this.build(event).catch((err: unknown) => {
      this.logger.warn(`cannot render ${event.type} #${event.id}: ${(err as Error).message}`);
      this.cache.delete(event.id);
      return null;
    });
    this.cache.set(event.id, made);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    return made;
  }

  private async build(e: ActivityEvent): Promise<Payload | null> {
    const data = (e.data ? JSON.parse(e.data) : {}) as Record<string, unknown>;
    const eventId = e.id;
    switch (e.type) {
      case 'question.created':
      case 'thread.created': {
        const thread = await this.views.thread(e.threadId!);
        return thread && { eventId, groupId: e.groupId, thread };
      }
      case 'thread.updated': {
        const thread = await this.views.thread(e.threadId!);
        return thread && { eventId, groupId: e.groupId, threadId: e.threadId, change: data.change, thread };
      }
      case 'reply.created': {
        const reply = await this.views.reply(e.refId!);
        return reply && { eventId, groupId: e.groupId, threadId: e.threadId, reply };
      }
      case 'reply.updated': {
        const reply = await this.views.reply(e.refId!);
        return reply && { eventId, groupId: e.groupId, threadId: e.threadId, change: data.change, reply };
      }
      case 'membership.changed':
        return { eventId, groupId: e.groupId, status: data.status, role: data.role };
      case 'notification': {
        const notification = await this.notifications.view(e.refId!);
        return notification && { eventId, notification };
      }
      default:
        return null;
    }
  }
}
