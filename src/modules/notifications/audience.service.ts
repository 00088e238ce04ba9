import { Injectable, NotFoundException } from '@nestjs/common';
import { Group } from '../groups/entities/group.entity';
import { Membership } from '../groups/entities/membership.entity';
import { GroupAccessService, hidingGroup } from '../groups/group-access.service';
import { ThreadsRepository } from '../threads/threads.repository';
import { AudienceRepository } from './audience.repository';

/** A user's standing in every group they have a membership row in, read once per catch-up. */
export interface ReaderContext {
  userId: string;
  memberships: Map<string, Membership>;
  /** Groups the user is an active member of. */
  activeGroupIds: string[];
}

/**
 * Who may hear what, decided against current memberships and subscriptions. Whether a user may
 * read a group is GroupAccessService's rule (private: active members; public: anyone not banned),
 * applied here to rows loaded in bulk.
 */
@Injectable()
export class AudienceService {
  constructor(
    private readonly repo: AudienceRepository,
    private readonly access: GroupAccessService,
    private readonly threads: ThreadsRepository,
  ) {}

  /**
   * A thread the user may read now, with its group: 404 "thread not found" when it does not
   * exist, was deleted, or is in a private group the user is not in; 403 when banned.
   */
  async readableThread(threadId: string, userId: string): Promise<{ threadId: string; groupId: string }> {
    const thread = await this.threads.findById(threadId);
    if (!thread || thread.deletedAt) throw new NotFoundException('thread not found');
    const ctx = await hidingGroup('thread', () => this.access.load(thread.groupId, userId));
    this.access.assertCanRead(ctx);
    return { threadId: thread.id, groupId: thread.groupId };
  }

  /** May the holder of `membership` (or a non-member, when null) read the group's content? */
  canRead(group: Group, membership: Membership | null, userId: string): boolean {
    try {
      this.access.assertCanRead({ group, membership, userId });
      return true;
    } catch {
      return false;
    }
  }

  /** Active members who asked not to hear of new questions (levels `mentions` and `muted`). */
  questionOptOuts(groupId: string): Promise<string[]> {
    return this.repo.activeMembersAtLevels(groupId, ['mentions', 'muted']);
  }

  /** Active members at level `all`, who hear of every new thread. */
  everyThreadSubscribers(groupId: string): Promise<string[]> {
    return this.repo.activeMembersAtLevels(groupId, ['all']);
  }

  /** The thread's watchers who may still read its group. */
  async threadWatchers(groupId: string, threadId: string): Promise<string[]> {
    const watchers = await this.repo.threadWatchers(threadId);
    return this.readersAmong(groupId, watchers);
  }

  /** Of `userIds`, those who may read the group now. */
  async readersAmong(groupId: string, userIds: string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const group = await this.repo.findGroup(groupId);
    if (!group) return [];
    const rows = new Map((await this.repo.membershipsInGroup(groupId, userIds)).map((m) => [m.userId, m]));
    return userIds.filter((id) => this.canRead(group, rows.get(id) ?? null, id));
  }

  /** May `userId` read the group now? (false when the group is gone.) */
  async userCanRead(groupId: string, userId: string): Promise<boolean> {
    return (await this.readersAmong(groupId, [userId])).length === 1;
  }

  async readerContext(userId: string): Promise<ReaderContext> {
    const rows = await this.repo.membershipsOfUser(userId);
    return {
      userId,
      memberships: new Map(rows.map((m) => [m.groupId, m])),
      activeGroupIds: rows.filter((m) => m.status === 'active').map((m) => m.groupId),
    };
  }

  /** Groups by id, for access checks over a batch of events. */
  async groupsById(groupIds: string[]): Promise<Map<string, Group>> {
    return new Map((await this.repo.findGroups([...new Set(groupIds)])).map((g) => [g.id, g]));
  }

  watchedAmong(userId: string, threadIds: string[]): Promise<Set<string>> {
    return this.repo.watchedAmong(userId, [...new Set(threadIds)]);
  }
}
