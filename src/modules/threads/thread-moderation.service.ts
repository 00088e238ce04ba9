import { BadRequestException, Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { AuditService } from '../moderation/audit.service';
import { ThreadDto } from './dto/thread-response.dto';
import { Thread } from './entities/thread.entity';
import { RepliesRepository } from './replies.repository';
import { ThreadAccess, threadGone, ThreadScope } from './thread-access.service';
import { ThreadViews } from './thread-views.service';
import { ThreadsRepository } from './threads.repository';

export type ThreadFlagAction = 'lock' | 'unlock' | 'pin' | 'unpin';

const FLAG: Record<ThreadFlagAction, { patch: Partial<Thread>; doing: string }> = {
  lock: { patch: { locked: true }, doing: 'lock threads' },
  unlock: { patch: { locked: false }, doing: 'unlock threads' },
  pin: { patch: { pinned: true }, doing: 'pin threads' },
  unpin: { patch: { pinned: false }, doing: 'unpin threads' },
};

/** Lock, pin and accepted answers: what moderators (and a question's author) decide about a thread. */
@Injectable()
export class ThreadModerationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ThreadAccess,
    private readonly threads: ThreadsRepository,
    private readonly replies: RepliesRepository,
    private readonly audit: AuditService,
    private readonly views: ThreadViews,
  ) {}

  /** Lock/unlock and pin/unpin (moderators); repeating one changes nothing and logs nothing. */
  async setFlag(threadId: string, userId: string, action: ThreadFlagAction): Promise<ThreadDto> {
    const { patch, doing } = FLAG[action];
    return this.change(
      threadId,
      userId,
      async (scope, tx) => {
        this.access.assertModerator(scope, doing);
        if (scope.thread.deletedAt) throw threadGone(scope.thread);
        const [key] = Object.keys(patch) as ('locked' | 'pinned')[];
        if (scope.thread[key] === patch[key]) return false;
        await this.threads.update(tx.manager, scope.thread.id, { ...patch, updatedAt: new Date() });
        await this.audit.record(tx.manager, {
          groupId: scope.thread.groupId,
          actorId: userId,
          action: `thread.${action}`,
          targetType: 'thread',
          targetId: scope.thread.id,
        });
        return true;
      },
      action,
    );
  }

  /**
   * Marks an answer of a question as accepted (or none, with null). The question's author
   * may, and so may moderators (audit-logged); it can be changed any time.
   */
  async accept(threadId: string, userId: string, replyId: string | null): Promise<ThreadDto> {
    return this.change(
      threadId,
      userId,
      async (scope, tx) => {
        const { thread } = scope;
        if (thread.deletedAt) throw threadGone(thread);
        const asModerator = thread.authorId !== userId;
        if (asModerator)
          this.access.assertModerator(scope, 'accept answers to other members\u2019 questions');
        else this.access.assertActiveMember(scope, 'accept an answer');
        if (thread.kind !== 'question')
          throw new BadRequestException(['only questions have an accepted answer']);
        if (replyId !== null) {
          const reply = await this.replies.findById(replyId, tx.manager);
          if (!reply || reply.threadId !== thread.id)
            throw new BadRequestException(['replyId must be an answer of this thread']);
          if (reply.parentReplyId)
            throw new BadRequestException([
              'replyId is a comment: accept the answer it belongs to',
            ]);
          if (reply.deletedAt)
            throw new BadRequestException(['replyId was deleted and cannot be accepted']);
        }
        if (thread.acceptedReplyId === replyId) return false;
        await this.threads.update(tx.manager, thread.id, {
          acceptedReplyId: replyId,
          updatedAt: new Date(),
        });
        if (asModerator) {
          await this.audit.record(tx.manager, {
            groupId: thread.groupId,
            actorId: userId,
            action: 'thread.accept',
            targetType: 'thread',
            targetId: thread.id,
            data: { replyId, previous: thread.acceptedReplyId },
          });
        }
        return true;
      },
      'accept',
    );
  }

  /** Runs a change in a unit of work; `work` answers whether anything changed (then an event goes out). */
  private async change(
    threadId: string,
    userId: string,
    work: (scope: ThreadScope, tx: Tx) => Promise<boolean>,
    change: 'lock' | 'unlock' | 'pin' | 'unpin' | 'accept',
  ): Promise<ThreadDto> {
    const after = await this.uow.run(async (tx) => {
      const scope = await this.access.thread(threadId, userId, tx.manager);
      if (await work(scope, tx)) {
        tx.emit(
          domainEvent('thread.updated', userId, {
            groupId: scope.thread.groupId,
            threadId,
            change,
          }),
        );
      }
      return (await this.threads.findById(threadId, tx.manager))!;
    });
    return this.views.ofThread(after, userId);
  }
}
