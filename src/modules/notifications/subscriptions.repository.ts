import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Membership, SubscriptionLevel } from '../groups/entities/membership.entity';
import { ThreadSubscription, ThreadSubscriptionLevel } from './entities/thread-subscription.entity';

@Injectable()
export class SubscriptionsRepository {
  constructor(@InjectRepository(ThreadSubscription) private readonly threads: Repository<ThreadSubscription>) {}

  /** The group subscription level lives on the membership row (one column, written only here). */
  async setGroupLevel(manager: EntityManager, groupId: string, userId: string, level: SubscriptionLevel): Promise<void> {
    await manager.getRepository(Membership).update({ groupId, userId }, { subscriptionLevel: level, updatedAt: new Date() });
  }

  async findThreadLevel(threadId: string, userId: string): Promise<ThreadSubscriptionLevel | null> {
    const row = await this.threads.findOneBy({ threadId, userId });
    return row?.level ?? null;
  }

  /** Of `userIds`, those whose level for the thread is `level`. */
  async usersAtThreadLevel(threadId: string, userIds: string[], level: ThreadSubscriptionLevel): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await this.threads.find({ select: { userId: true }, where: { threadId, level, userId: In(userIds) } });
    return new Set(rows.map((r) => r.userId));
  }

  async setThreadLevel(manager: EntityManager, row: Pick<ThreadSubscription, 'threadId' | 'userId' | 'groupId' | 'level'>): Promise<void> {
    const now = new Date();
    await manager
      .getRepository(ThreadSubscription)
      .createQueryBuilder()
      .insert()
      .values({ ...row, createdAt: now, updatedAt: now })
      .orUpdate(['level', 'updated_at'], ['thread_id', 'user_id'])
      .execute();
  }

  /** Makes each user a watcher of the thread unless they already chose a level for it. */
  async watchUnlessChosen(manager: EntityManager, rows: Pick<ThreadSubscription, 'threadId' | 'userId' | 'groupId'>[]): Promise<void> {
    if (!rows.length) return;
    const now = new Date();
    await manager
      .getRepository(ThreadSubscription)
      .createQueryBuilder()
      .insert()
      .values(rows.map((r) => ({ ...r, level: 'watching' as const, createdAt: now, updatedAt: now })))
      .orIgnore()
      .execute();
  }
}
