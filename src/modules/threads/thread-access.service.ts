import {
  ForbiddenException,
  GoneException,
  HttpException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupAccessService, GroupContext, hidingGroup } from '../groups/group-access.service';
import { Reply } from './entities/reply.entity';
import { Thread, ThreadKind } from './entities/thread.entity';
import { RepliesRepository } from './replies.repository';
import { ThreadsRepository } from './threads.repository';

/** A thread as one caller may see it. */
export interface ThreadScope {
  thread: Thread;
  ctx: GroupContext;
  /** The caller may moderate threads in this group. */
  moderator: boolean;
}

export interface ReplyScope extends ThreadScope {
  reply: Reply;
}

export class LockedException extends HttpException {
  constructor(message: string) {
    super({ statusCode: 423, error: 'Locked', message }, 423);
  }
}

/**
 * Where thread and reply routes find their content and decide who may see it, on top of
 * GroupAccessService: outsiders of private groups get 404 ("thread not found", so neither
 * the thread nor the group leaks), banned users 403, and deleted threads 410 to everyone
 * but the group's moderators.
 */
@Injectable()
export class ThreadAccess {
  constructor(
    private readonly access: GroupAccessService,
    private readonly threads: ThreadsRepository,
    private readonly replies: RepliesRepository,
  ) {}

  /** A group whose threads the caller may read (404 / 403 as GroupAccessService decides). */
  async readableGroup(
    groupIdOrSlug: string,
    userId: string | null,
    manager?: EntityManager,
  ): Promise<GroupContext> {
    const ctx = await this.access.load(groupIdOrSlug, userId, manager);
    this.access.assertCanRead(ctx);
    return ctx;
  }

  /** Starting a thread: a member in good standing; announcements from moderators and owners only. */
  assertCanStartThread(ctx: GroupContext, kind: ThreadKind): void {
    this.access.assertCanPost(ctx);
    if (kind === 'announcement')
      this.access.assertAllowed(ctx, 'announcement.post', 'post announcements');
  }

  async thread(
    threadId: string,
    userId: string | null,
    manager?: EntityManager,
  ): Promise<ThreadScope> {
    const thread = await this.threads.findById(threadId, manager);
    if (!thread) throw threadNotFound();
    const scope = await this.scope(thread, userId, manager, 'thread');
    if (thread.deletedAt && !scope.moderator) throw threadGone(thread);
    return scope;
  }

  /** A reply is readable when its thread is; a deleted reply is still found (it shows as removed). */
  async reply(
    replyId: string,
    userId: string | null,
    manager?: EntityManager,
  ): Promise<ReplyScope> {
    const reply = await this.replies.findById(replyId, manager);
    if (!reply) throw replyNotFound();
    const thread = await this.threads.findById(reply.threadId, manager);
    if (!thread) throw replyNotFound();
    const scope = await this.scope(thread, userId, manager, 'reply');
    if (thread.deletedAt && !scope.moderator) throw threadGone(thread);
    return { ...scope, reply };
  }

  /** Posting threads and replies: an active member who accepted the current rules. */
  assertCanPost(scope: Pick<ThreadScope, 'ctx'>): void {
    this.access.assertCanPost(scope.ctx);
  }

  /** Voting and accepting: an active member (rules acceptance is asked of posting only). */
  assertActiveMember(scope: ThreadScope, doing: string): void {
    if (!this.access.isActiveMember(scope.ctx))
      throw new ForbiddenException(`join the group to ${doing}`);
  }

  assertModerator(scope: ThreadScope, doing: string): void {
    this.access.assertAllowed(scope.ctx, 'threads.moderate', doing);
  }

  /**
   * Changing someone's content: its author (as a member in good standing) or a moderator.
   * Answers true when the caller acts as a moderator on another member's content.
   */
  assertAuthorOrModerator(
    scope: ThreadScope,
    authorId: string,
    userId: string,
    doing: string,
  ): boolean {
    if (authorId === userId) {
      this.access.assertCanPost(scope.ctx);
      return false;
    }
    this.assertModerator(scope, doing);
    return true;
  }

  /** Writes to a thread need it alive; a locked one takes writes from moderators only. */
  assertOpen(scope: ThreadScope, what: string): void {
    if (scope.thread.deletedAt) throw threadGone(scope.thread);
    if (scope.thread.locked && !scope.moderator)
      throw new LockedException(`this thread is locked: ${what}`);
  }

  private async scope(
    thread: Thread,
    userId: string | null,
    manager: EntityManager | undefined,
    thing: 'thread' | 'reply',
  ): Promise<ThreadScope> {
    const ctx = await hidingGroup(thing, async () => {
      const loaded = await this.access.load(thread.groupId, userId, manager);
      this.access.assertCanRead(loaded);
      return loaded;
    });
    return { thread, ctx, moderator: this.access.can(ctx, 'threads.moderate') };
  }
}

export function threadNotFound(): NotFoundException {
  return new NotFoundException('thread not found');
}

export function replyNotFound(): NotFoundException {
  return new NotFoundException('reply not found');
}

export function threadGone(thread: Pick<Thread, 'deletedById' | 'authorId'>): GoneException {
  return new GoneException(
    thread.deletedById === thread.authorId
      ? 'this thread was deleted by its author'
      : 'this thread was removed by a moderator',
  );
}

export function replyGone(reply: Pick<Reply, 'deletedById' | 'authorId'>): GoneException {
  return new GoneException(
    reply.deletedById === reply.authorId
      ? 'this reply was deleted by its author'
      : 'this reply was removed by a moderator',
  );
}
