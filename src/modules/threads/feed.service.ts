import { Injectable } from '@nestjs/common';
import { Page, pageLimit } from '../../common/pagination';
import { cutPage, decodeKey, KeyPart, KeyValue } from './cursor';
import { GroupFeedQueryDto, GroupFeedSort, MyFeedQueryDto, MyFeedSort } from './dto/feed-query.dto';
import { ThreadDto } from './dto/thread-response.dto';
import { Thread } from './entities/thread.entity';
import { ThreadAccess } from './thread-access.service';
import { ThreadViews } from './thread-views.service';
import { ThreadsRepository } from './threads.repository';

interface KeySpec {
  parts: KeyPart[];
  of: (t: Thread) => KeyValue[];
}

const pin = (t: Thread) => (t.pinned ? 1 : 0);

/** Each cursor holds the values of the ORDER BY of its feed (see ThreadsRepository). */
const GROUP_KEYS: Record<GroupFeedSort, KeySpec> = {
  latest: { parts: ['int', 'time', 'id'], of: (t) => [pin(t), t.createdAt, t.id] },
  unanswered: { parts: ['int', 'time', 'id'], of: (t) => [pin(t), t.createdAt, t.id] },
  active: { parts: ['int', 'time', 'id'], of: (t) => [pin(t), t.lastActivityAt, t.id] },
  top: { parts: ['int', 'int', 'time', 'id'], of: (t) => [pin(t), t.score, t.createdAt, t.id] },
};

const MY_KEYS: Record<MyFeedSort, KeySpec> = {
  latest: { parts: ['time', 'id'], of: (t) => [t.createdAt, t.id] },
  active: { parts: ['time', 'id'], of: (t) => [t.lastActivityAt, t.id] },
};

/**
 * Thread lists. Keyset pagination on immutable keys (creation time, id) means a reader paging
 * through `latest` while others post sees every older thread exactly once: new threads sort
 * before the cursor and never shift the pages after it.
 */
@Injectable()
export class FeedService {
  constructor(
    private readonly access: ThreadAccess,
    private readonly threads: ThreadsRepository,
    private readonly views: ThreadViews,
  ) {}

  async groupFeed(
    groupIdOrSlug: string,
    viewerId: string | null,
    query: GroupFeedQueryDto,
  ): Promise<Page<ThreadDto>> {
    const ctx = await this.access.readableGroup(groupIdOrSlug, viewerId);
    const sort = query.sort ?? 'latest';
    const limit = pageLimit(query);
    const after = decodeKey(query.cursor, sort, GROUP_KEYS[sort].parts);
    const order = sort === 'unanswered' ? 'latest' : sort;
    const filter = { kind: query.kind, tag: query.tag, unanswered: sort === 'unanswered' };
    const rows = await this.threads.findGroupPage(ctx.group.id, order, filter, after, limit + 1);
    const page = cutPage(rows, limit, sort, GROUP_KEYS[sort].of);
    return {
      items: await this.views.ofThreads(page.items, viewerId, ctx.group),
      nextCursor: page.nextCursor,
    };
  }

  /** Threads from every group where the caller is an active member. */
  async myFeed(userId: string, query: MyFeedQueryDto): Promise<Page<ThreadDto>> {
    const sort = query.sort ?? 'latest';
    const limit = pageLimit(query);
    const after = decodeKey(query.cursor, sort, MY_KEYS[sort].parts);
    const rows = await this.threads.findMemberFeedPage(
      userId,
      sort,
      { kind: query.kind, tag: query.tag },
      after,
      limit + 1,
    );
    const page = cutPage(rows, limit, sort, MY_KEYS[sort].of);
    return { items: await this.views.ofThreads(page.items, userId), nextCursor: page.nextCursor };
  }
}
