import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Group } from '../groups/entities/group.entity';
import { Membership, SubscriptionLevel } from '../groups/entities/membership.entity';
import { ThreadSubscription } from './entities/thread-subscription.entity';

/**
 * Bulk reads that decide who hears an event: one query per question, never one per user or
 * socket. Access rules are not decided here; AudienceService applies GroupAccessService to
 * the rows.
 */
@Injectable()
export class AudienceRepository {
  constructor(
    @InjectRepository(Group) private readonly groups: Repository<Group>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(ThreadSubscription) private readonly subscriptions: Repository<ThreadSubscription>,
  ) {}

  /** Active members of a group whose group subscription level is one of `levels`. */
  async activeMembersAtLevels(groupId: string, levels: SubscriptionLevel[]): Promise<string[]> {
    const rows = await this.memberships
      .createQueryBuilder('m')
      .select('m.user_id', 'userId')
      .where('m.group_id = :groupId AND m.status = :status', { groupId, status: 'active' })
      .andWhere('m.subscription_level IN (:...levels)', { levels })
      .getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId);
  }

  /** Users with a `watching` subscription on the thread. */
  async threadWatchers(threadId: string): Promise<string[]> {
    const rows = await this.subscriptions.find({ select: { userId: true }, where: { threadId, level: 'watching' } });
    return rows.map((r) => r.userId);
  }

  /** Of `threadIds`, those `userId` watches. */
  async watchedAmong(userId: string, threadIds: string[]): Promise<Set<string>> {
    if (!threadIds.length) return new Set();
    const rows = await this.subscriptions.find({ select: { threadId: true }, where: { userId, level: 'watching', threadId: In(threadIds) } });
    return new Set(rows.map((r) => r.threadId));
  }

  findGroup(groupId: string): Promise<Group | null> {
    return this.groups.findOneBy({ id: groupId });
  }

  findGroups(groupIds: string[]): Promise<Group[]> {
    return groupIds.length ? this.groups.findBy({ id: In(groupIds) }) : Promise.resolve([]);
  }

  /** Every membership row of a user (any status). */
  membershipsOfUser(userId: string): Promise<Membership[]> {
    return this.memberships.findBy({ userId });
  }

  /** The membership rows of `userIds` in one group. */
  membershipsInGroup(groupId: string, userIds: string[]): Promise<Membership[]> {
    return userIds.length ? this.memberships.findBy({ groupId, userId: In(userIds) }) : Promise.resolve([]);
  }
}
