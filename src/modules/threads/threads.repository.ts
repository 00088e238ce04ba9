import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Brackets,
  EntityManager,
  In,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import { KeyColumn, keysetCondition, keysetOrder } from '../../common/keyset';
import { Group } from '../groups/entities/group.entity';
import { Membership } from '../groups/entities/membership.entity';
import { ThreadTag } from './entities/thread-tag.entity';
import { Thread, ThreadKind } from './entities/thread.entity';
import { PostRepository } from './post.repository';

export type GroupFeedOrder = 'latest' | 'active' | 'top';
export type MemberFeedOrder = 'latest' | 'active';

export interface FeedFilter {
  kind?: ThreadKind;
  tag?: string;
  /** Questions with no replies and no accepted answer. */
  unanswered?: boolean;
}

export interface GroupRef {
  id: string;
  slug: string;
  name: string;
}

/** The keyset of each feed order; the same columns lead the matching index on `threads`. */
const GROUP_FEED_KEYS: Record<GroupFeedOrder, KeyColumn[]> = {
  latest: [
    { expr: 't.pinned', dir: 'DESC' },
    { expr: 't.created_at', dir: 'DESC' },
    { expr: 't.id', dir: 'DESC' },
  ],
  active: [
    { expr: 't.pinned', dir: 'DESC' },
    { expr: 't.last_activity_at', dir: 'DESC' },
    { expr: 't.id', dir: 'DESC' },
  ],
  top: [
    { expr: 't.pinned', dir: 'DESC' },
    { expr: 't.score', dir: 'DESC' },
    { expr: 't.created_at', dir: 'DESC' },
    { expr: 't.id', dir: 'DESC' },
  ],
};

/** Groups whose first threads one member-feed query merges (SQLite allows 500 compound SELECT terms; two per group). */
const MEMBER_FEED_GROUPS_PER_QUERY = 100;

const MEMBER_FEED_KEYS: Record<MemberFeedOrder, KeyColumn[]> = {
  latest: [
    { expr: 't.created_at', dir: 'DESC' },
    { expr: 't.id', dir: 'DESC' },
  ],
  active: [
    { expr: 't.last_activity_at', dir: 'DESC' },
    { expr: 't.id', dir: 'DESC' },
  ],
};

@Injectable()
export class ThreadsRepository extends PostRepository<Thread> {
  constructor(
    @InjectRepository(Thread) private readonly threads: Repository<Thread>,
    @InjectRepository(ThreadTag) private readonly tags: Repository<ThreadTag>,
  ) {
    super(Thread, threads);
  }

  async replaceTags(
    manager: EntityManager,
    thread: Pick<Thread, 'id' | 'groupId'>,
    tags: string[],
  ): Promise<void> {
    const repo = manager.getRepository(ThreadTag);
    await repo.delete({ threadId: thread.id });
    if (tags.length)
      await repo.insert(
        tags.map((tag, position) => ({
          threadId: thread.id,
          groupId: thread.groupId,
          tag,
          position,
        })),
      );
  }

  /** Tags of many threads in one query, each list in the author's order. */
  async tagsOf(threadIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!threadIds.length) return map;
    const rows = await (manager ? manager.getRepository(ThreadTag) : this.tags).find({
      where: { threadId: In(threadIds) },
      order: { threadId: 'ASC', position: 'ASC' },
    });
    for (const r of rows) map.set(r.threadId, [...(map.get(r.threadId) ?? []), r.tag]);
    return map;
  }

  /** A new reply: one more live reply and fresh activity, atomically. */
  async recordReply(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Thread)
      .set({
        replyCount: () => 'reply_count + 1',
        lastActivityAt: () => 'CASE WHEN last_activity_at < :at THEN :at ELSE last_activity_at END',
      })
      .where('id = :id', { id })
      .setParameter('at', at)
      .execute();
  }

  /** A reply was deleted: one live reply fewer; it no longer stands as the accepted answer. */
  async forgetReply(
    manager: EntityManager,
    id: string,
    replyId: string,
  ): Promise<{ wasAccepted: boolean }> {
    await manager
      .createQueryBuilder()
      .update(Thread)
      .set({ replyCount: () => 'reply_count - 1' })
      .where('id = :id', { id })
      .execute();
    const res = await manager
      .createQueryBuilder()
      .update(Thread)
      .set({ acceptedReplyId: null })
      .where('id = :id AND accepted_reply_id = :replyId', { id, replyId })
      .execute();
    return { wasAccepted: (res.affected ?? 0) > 0 };
  }

  /** A page of a group's live threads, pinned first, then by `order`. */
  findGroupPage(
    groupId: string,
    order: GroupFeedOrder,
    filter: FeedFilter,
    after: unknown[] | null,
    limit: number,
  ): Promise<Thread[]> {
    const qb = this.threads.createQueryBuilder('t').where('t.group_id = :groupId', { groupId });
    return this.page(qb, GROUP_FEED_KEYS[order], filter, after, limit);
  }

  /**
   * A page of the live threads of every group where `userId` is an active member.
   *
   * Not one query over all of those groups' threads: that sorts every thread of every group
   * the user is in (~200 ms for a member of 11 groups in the seeded 200k-thread store). Each
   * group's own first `limit` threads come from its feed index instead (one index range per
   * group and pinned value), and only those are merged: the cost grows with the number of
   * groups, not with their size.
   */
  async findMemberFeedPage(
    userId: string,
    order: MemberFeedOrder,
    filter: FeedFilter,
    after: unknown[] | null,
    limit: number,
  ): Promise<Thread[]> {
    const groupIds = (
      await this.threads.manager
        .getRepository(Membership)
        .find({ select: { groupId: true }, where: { userId, status: 'active' } })
    ).map((m) => m.groupId);
    const keys = MEMBER_FEED_KEYS[order];
    const pages: Thread[][] = [];
    for (let i = 0; i < groupIds.length; i += MEMBER_FEED_GROUPS_PER_QUERY) {
      const chunk = groupIds.slice(i, i + MEMBER_FEED_GROUPS_PER_QUERY);
      const qb = this.threads.createQueryBuilder('t');
      const firstOfEach = chunk.flatMap((_, g) =>
        [0, 1].map((pinned) => {
          const inner = qb
            .subQuery()
            .select('i.id', 'id')
            .from(Thread, 'i')
            .where(`i.group_id = :mg${g}`)
            .andWhere(`i.pinned = ${pinned}`);
          this.filter(inner, 'i', keys, filter, after).limit(limit);
          return `SELECT s${g}_${pinned}.id FROM ${inner.getQuery()} s${g}_${pinned}`;
        }),
      );
      qb.where(`t.id IN (${firstOfEach.join(' UNION ALL ')})`);
      qb.setParameters(Object.fromEntries(chunk.map((id, g) => [`mg${g}`, id])));
      this.filterParameters(qb, keys, filter, after);
      qb.orderBy(keysetOrder(keys)).limit(limit);
      pages.push(await qb.getMany());
    }
    if (pages.length === 1) return pages[0];
    const time = (t: Thread) => (order === 'latest' ? t.createdAt : t.lastActivityAt).getTime();
    return pages
      .flat()
      .sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, limit);
  }

  /**
   * WHERE and ORDER BY of a feed's inner query on `alias`: live threads, the filters, the rows
   * after the cursor. Its parameters (:kind, :tag, :keyset…) come from filterParameters.
   */
  private filter<Q extends SelectQueryBuilder<ObjectLiteral>>(
    qb: Q,
    alias: string,
    keys: KeyColumn[],
    filter: FeedFilter,
    after: unknown[] | null,
  ): Q {
    const aliased = keys.map((k) => ({ ...k, expr: k.expr.replace(/^t\./, `${alias}.`) }));
    qb.andWhere(`${alias}.deleted_at IS NULL`);
    if (filter.kind) qb.andWhere(`${alias}.kind = :kind`);
    if (filter.tag) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM thread_tags ${alias}_tt WHERE ${alias}_tt.thread_id = ${alias}.id AND ${alias}_tt.tag = :tag)`,
      );
    }
    if (after) qb.andWhere(`(${keysetCondition(aliased, after).sql})`);
    return qb.orderBy(keysetOrder(aliased));
  }

  private filterParameters(
    qb: SelectQueryBuilder<Thread>,
    keys: KeyColumn[],
    filter: FeedFilter,
    after: unknown[] | null,
  ): void {
    if (filter.kind) qb.setParameter('kind', filter.kind);
    if (filter.tag) qb.setParameter('tag', filter.tag);
    if (after) qb.setParameters(keysetCondition(keys, after).params);
  }

  private page(
    qb: SelectQueryBuilder<Thread>,
    keys: KeyColumn[],
    filter: FeedFilter,
    after: unknown[] | null,
    limit: number,
  ): Promise<Thread[]> {
    qb.andWhere('t.deleted_at IS NULL');
    if (filter.kind) qb.andWhere('t.kind = :kind', { kind: filter.kind });
    if (filter.unanswered) {
      qb.andWhere("t.kind = 'question'")
        .andWhere('t.reply_count = 0')
        .andWhere('t.accepted_reply_id IS NULL');
    }
    if (filter.tag) {
      const tagged = qb
        .subQuery()
        .select('1')
        .from(ThreadTag, 'tt')
        .where('tt.thread_id = t.id')
        .andWhere('tt.tag = :tag')
        .getQuery();
      qb.andWhere(`EXISTS ${tagged}`, { tag: filter.tag });
    }
    if (after) {
      const { sql, params } = keysetCondition(keys, after);
      qb.andWhere(new Brackets((w) => w.where(sql, params)));
    }
    qb.orderBy(keysetOrder(keys)).limit(limit);
    return qb.getMany();
  }

  /** id, slug and name of groups, for labelling threads (the personal feed spans groups). */
  async groupRefs(groupIds: string[]): Promise<Map<string, GroupRef>> {
    const map = new Map<string, GroupRef>();
    if (!groupIds.length) return map;
    const rows = await this.threads.manager
      .getRepository(Group)
      .find({ where: { id: In(groupIds) }, select: { id: true, slug: true, name: true } });
    for (const g of rows) map.set(g.id, { id: g.id, slug: g.slug, name: g.name });
    return map;
  }
}
