import { ForbiddenException, Injectable, OnModuleInit } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work';
import { DomainEventBus } from '../../domain-events/domain-event-bus';
import type { SubscriptionLevel } from '../groups/entities/membership.entity';
import { GroupAccessService } from '../groups/group-access.service';
import { GroupSubscriptionDto, ThreadSubscriptionDto } from './dto/subscription.dto';
import type { ThreadSubscriptionLevel } from './entities/thread-subscription.entity';
import { AudienceService } from './audience.service';
import { SubscriptionsRepository } from './subscriptions.repository';

/**
 * What a user hears: the group level (on the membership) decides which new threads are
 * pushed; thread levels decide replies and changes. Authors and repliers watch their threads
 * by default, recorded in the transaction of the post itself.
 */
@Injectable()
export class SubscriptionsService implements OnModuleInit {
  constructor(
    private readonly repo: SubscriptionsRepository,
    private readonly access: GroupAccessService,
    private readonly uow: UnitOfWork,
    private readonly bus: DomainEventBus,
    private readonly audience: AudienceService,
  ) {}

  onModuleInit(): void {
    this.bus.onCommitting(async (manager, events) => {
      const rows = new Map<string, { threadId: string; userId: string; groupId: string }>();
      for (const e of events) {
        if (e.type === 'thread.created') rows.set(`${e.threadId}:${e.authorId}`, { threadId: e.threadId, userId: e.authorId, groupId: e.groupId });
        if (e.type === 'reply.created') rows.set(`${e.threadId}:${e.authorId}`, { threadId: e.threadId, userId: e.authorId, groupId: e.groupId });
      }
      await this.repo.watchUnlessChosen(manager, [...rows.values()]);
    });
  }

  /** Active members only: others hear nothing from the group anyway. */
  async setGroupLevel(userId: string, groupIdOrSlug: string, level: SubscriptionLevel): Promise<GroupSubscriptionDto> {
    return this.uow.run(async (tx) => {
      const ctx = await this.access.load(groupIdOrSlug, userId, tx.manager);
      this.access.assertCanRead(ctx);
      if (!this.access.isActiveMember(ctx)) throw new ForbiddenException('join the group to choose what you hear from it');
      await this.repo.setGroupLevel(tx.manager, ctx.group.id, userId, level);
      return { groupId: ctx.group.id, level };
    });
  }

  /** Anyone who may read the thread may choose; the choice outlives a later loss of access, which delivery checks anyway. */
  async setThreadLevel(userId: string, threadId: string, level: ThreadSubscriptionLevel): Promise<ThreadSubscriptionDto> {
    const { groupId } = await this.audience.readableThread(threadId, userId);
    await this.uow.run((tx) => this.repo.setThreadLevel(tx.manager, { threadId, userId, groupId, level }));
    return { threadId, level };
  }

  /** `normal` until chosen (authors and repliers watch). */
  async threadLevel(userId: string, threadId: string): Promise<ThreadSubscriptionDto> {
    await this.audience.readableThread(threadId, userId);
    return { threadId, level: (await this.repo.findThreadLevel(threadId, userId)) ?? 'normal' };
  }

  async groupLevel(userId: string, groupIdOrSlug: string): Promise<GroupSubscriptionDto> {
    const ctx = await this.access.load(groupIdOrSlug, userId);
    this.access.assertCanRead(ctx);
    if (!this.access.isActiveMember(ctx)) throw new ForbiddenException('join the group to choose what you hear from it');
    return { groupId: ctx.group.id, level: ctx.membership!.subscriptionLevel };
  }
}
