import { Injectable, OnModuleInit } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { AuditService } from '../moderation/audit.service';
import { ReportTargetRegistry } from '../moderation/report-targets';
import { Reply } from './entities/reply.entity';
import { Thread } from './entities/thread.entity';
import { RepliesRepository } from './replies.repository';
import { replyGone, ThreadAccess, threadGone } from './thread-access.service';
import { ThreadsRepository } from './threads.repository';

/**
 * Soft deletes: by the author ("deleted") or by a moderator ("removed", with a reason, in
 * the audit log). Also the handler moderation calls when a report is resolved with `remove`.
 */
@Injectable()
export class ContentRemovalService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ThreadAccess,
    private readonly threads: ThreadsRepository,
    private readonly replies: RepliesRepository,
    private readonly audit: AuditService,
    private readonly reportTargets: ReportTargetRegistry,
  ) {}

  onModuleInit(): void {
    this.reportTargets.register('thread', {
      locate: async (id) => {
        const t = await this.threads.findById(id);
        return t && !t.deletedAt ? { groupId: t.groupId, authorId: t.authorId } : null;
      },
      remove: async (tx, id, actorId, reason) => {
        const t = await this.threads.findById(id, tx.manager);
        if (t && !t.deletedAt) await this.removeThread(tx, t, actorId, reason, true);
      },
    });
    this.reportTargets.register('reply', {
      locate: async (id) => {
        const r = await this.replies.findById(id);
        return r && !r.deletedAt ? { groupId: r.groupId, authorId: r.authorId } : null;
      },
      remove: async (tx, id, actorId, reason) => {
        const r = await this.replies.findById(id, tx.manager);
        if (r && !r.deletedAt) await this.removeReply(tx, r, actorId, reason, true);
      },
    });
  }

  async deleteThread(threadId: string, userId: string, reason: string | null): Promise<void> {
    await this.uow.run(async (tx) => {
      const scope = await this.access.thread(threadId, userId, tx.manager);
      // Only moderators get past access.thread() for a deleted thread: for them it is done already.
      if (scope.thread.deletedAt) return;
      const asModerator = this.access.assertAuthorOrModerator(
        scope,
        scope.thread.authorId,
        userId,
        'delete other members\u2019 threads',
      );
      await this.removeThread(tx, scope.thread, userId, reason, asModerator);
    });
  }

  async deleteReply(replyId: string, userId: string, reason: string | null): Promise<void> {
    await this.uow.run(async (tx) => {
      const scope = await this.access.reply(replyId, userId, tx.manager);
      if (scope.reply.deletedAt) {
        if (scope.moderator) return;
        throw replyGone(scope.reply);
      }
      if (scope.thread.deletedAt) throw threadGone(scope.thread);
      const asModerator = this.access.assertAuthorOrModerator(
        scope,
        scope.reply.authorId,
        userId,
        'delete other members\u2019 replies',
      );
      await this.removeReply(tx, scope.reply, userId, reason, asModerator);
    });
  }

  private async removeThread(
    tx: Tx,
    thread: Thread,
    actorId: string,
    reason: string | null,
    asModerator: boolean,
  ): Promise<void> {
    const now = new Date();
    await this.threads.update(tx.manager, thread.id, {
      deletedAt: now,
      deletedById: actorId,
      deleteReason: reason,
      updatedAt: now,
    });
    if (asModerator) {
      await this.audit.record(tx.manager, {
        groupId: thread.groupId,
        actorId,
        action: 'thread.remove',
        targetType: 'thread',
        targetId: thread.id,
        reason,
        data: { authorId: thread.authorId, title: thread.title },
      });
    }
    tx.emit(
      domainEvent('thread.updated', actorId, {
        groupId: thread.groupId,
        threadId: thread.id,
        change: asModerator ? 'remove' : 'delete',
      }),
    );
  }

  private async removeReply(
    tx: Tx,
    reply: Reply,
    actorId: string,
    reason: string | null,
    asModerator: boolean,
  ): Promise<void> {
    const now = new Date();
    await this.replies.update(tx.manager, reply.id, {
      deletedAt: now,
      deletedById: actorId,
      deleteReason: reason,
      updatedAt: now,
    });
    const { wasAccepted } = await this.threads.forgetReply(tx.manager, reply.threadId, reply.id);
    if (asModerator) {
      await this.audit.record(tx.manager, {
        groupId: reply.groupId,
        actorId,
        action: 'reply.remove',
        targetType: 'reply',
        targetId: reply.id,
        reason,
        data: { authorId: reply.authorId, threadId: reply.threadId },
      });
    }
    const change = asModerator ? 'remove' : 'delete';
    tx.emit(
      domainEvent('reply.updated', actorId, {
        groupId: reply.groupId,
        threadId: reply.threadId,
        replyId: reply.id,
        change,
      }),
    );
    if (wasAccepted)
      tx.emit(
        domainEvent('thread.updated', actorId, {
          groupId: reply.groupId,
          threadId: reply.threadId,
          change: 'accept',
        }),
      );
  }
}
