import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { newId } from '../../common/ids';
import { UnitOfWork } from '../../database/unit-of-work';
import { DomainEventBus } from '../../domain-events/domain-event-bus';
import { DomainEvent } from '../../domain-events/domain-events';
import { ActivityLogService } from '../../realtime/activity-log.service';
import { Reply } from '../threads/entities/reply.entity';
import { Thread } from '../threads/entities/thread.entity';
import { RepliesRepository } from '../threads/replies.repository';
import { ThreadsRepository } from '../threads/threads.repository';
import { UsersRepository } from '../users/users.repository';
import { AudienceService } from './audience.service';
import { Notification, NotificationKind } from './entities/notification.entity';
import { excerptOf, mentionedHandles } from './mentions';
import { NotificationsRepository } from './notifications.repository';
import { SubscriptionsRepository } from './subscriptions.repository';

interface Draft {
  userId: string;
  kind: NotificationKind;
}

/**
 * Makes inbox notifications from committed domain events: a reply to your thread, a comment
 * on your reply, an @mention of you in something you can read, your answer accepted. Each
 * notification and its `notification` push are written in one unit of work. The actor is
 * never notified of their own doing; a thread you muted notifies you of nothing but an
 * accepted answer.
 */
@Injectable()
export class NotificationMaker implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly bus: DomainEventBus,
    private readonly uow: UnitOfWork,
    private readonly threads: ThreadsRepository,
    private readonly replies: RepliesRepository,
    private readonly users: UsersRepository,
    private readonly audience: AudienceService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly activity: ActivityLogService,
  ) {}

  onModuleInit(): void {
    this.bus.on('reply.created', (e) => this.onReply(e));
    this.bus.on('thread.created', (e) => this.onThread(e));
    this.bus.on('thread.updated', (e) => (e.change === 'accept' ? this.onAccept(e) : undefined));
  }

  private async onReply(e: DomainEvent<'reply.created'>): Promise<void> {
    const [thread, reply] = await Promise.all([this.threads.findById(e.threadId), this.replies.findById(e.replyId)]);
    if (!thread || !reply || thread.deletedAt || reply.deletedAt) return;
    const drafts: Draft[] = [];
    if (reply.parentReplyId) {
      const parent = await this.replies.findById(reply.parentReplyId);
      if (parent && !parent.deletedAt) drafts.push({ userId: parent.authorId, kind: 'comment' });
    } else {
      drafts.push({ userId: thread.authorId, kind: 'reply' });
    }
    drafts.push(...(await this.mentions(reply.body)));
    await this.make(thread, reply, reply.authorId, drafts);
  }

  private async onThread(e: DomainEvent<'thread.created'>): Promise<void> {
    const thread = await this.threads.findById(e.threadId);
    if (!thread || thread.deletedAt) return;
    await this.make(thread, null, thread.authorId, await this.mentions(thread.body));
  }

  private async onAccept(e: DomainEvent<'thread.updated'>): Promise<void> {
    const thread = await this.threads.findById(e.threadId);
    if (!thread?.acceptedReplyId || thread.deletedAt) return;
    const reply = await this.replies.findById(thread.acceptedReplyId);
    if (!reply || reply.deletedAt) return;
    await this.make(thread, reply, e.actorId, [{ userId: reply.authorId, kind: 'accepted' }]);
  }

  private async mentions(body: string): Promise<Draft[]> {
    const users = await this.users.findManyByHandles(mentionedHandles(body));
    return users.map((u) => ({ userId: u.id, kind: 'mention' as const }));
  }

  /** Drops the actor, repeats (first kind wins), muted threads and users who cannot read the group; then writes. */
  private async make(thread: Thread, reply: Reply | null, actorId: string | null, drafts: Draft[]): Promise<void> {
    const byUser = new Map<string, Draft>();
    for (const d of drafts) if (d.userId !== actorId && !byUser.has(d.userId)) byUser.set(d.userId, d);
    if (!byUser.size) return;
    const [readers, muted] = await Promise.all([
      this.audience.readersAmong(thread.groupId, [...byUser.keys()]),
      this.subscriptions.usersAtThreadLevel(thread.id, [...byUser.keys()], 'muted'),
    ]);
    const now = new Date();
    const rows = readers
      .map((userId) => byUser.get(userId)!)
      .filter((d) => d.kind === 'accepted' || !muted.has(d.userId))
      .map((d) =>
        Object.assign(new Notification(), {
          id: newId(),
          userId: d.userId,
          kind: d.kind,
          actorId,
          groupId: thread.groupId,
          threadId: thread.id,
          replyId: reply?.id ?? null,
          threadTitle: thread.title,
          excerpt: excerptOf(reply ? reply.body : thread.body),
          createdAt: now,
          readAt: null,
        }),
      );
    if (!rows.length) return;
    await this.uow.run(async (tx) => {
      await this.notifications.insertMany(tx.manager, rows);
      await this.activity.append(
        tx.manager,
        rows.map((n) => ({ type: 'notification', userId: n.userId, groupId: n.groupId, threadId: n.threadId, actorId, refId: n.id, data: null })),
      );
    });
    await this.activity.committed();
    this.logger.debug(`made ${rows.length} notification(s) for thread ${thread.id}`);
  }
}
