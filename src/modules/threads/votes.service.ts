import { ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '../../database/unit-of-work';
import { VoteResultDto } from './dto/vote.dto';
import { VoteTargetType } from './entities/vote.entity';
import { RepliesRepository } from './replies.repository';
import { replyGone, ThreadAccess, ThreadScope } from './thread-access.service';
import { ThreadsRepository } from './threads.repository';
import { VotesRepository } from './votes.repository';

interface Target {
  type: VoteTargetType;
  id: string;
  authorId: string;
  addScore(manager: EntityManager, delta: number): Promise<void>;
  scoreOf(manager: EntityManager): Promise<number>;
}

/**
 * Up and down votes, one per user and target, never on one's own post. The target's score
 * moves by the difference to the user's previous vote with `score = score + delta` in the
 * same transaction, so it stays exact however many vote at once.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ThreadAccess,
    private readonly votes: VotesRepository,
    private readonly threads: ThreadsRepository,
    private readonly replies: RepliesRepository,
  ) {}

  voteThread(threadId: string, userId: string, value: number): Promise<VoteResultDto> {
    return this.uow.run(async (tx) => {
      const scope = await this.access.thread(threadId, userId, tx.manager);
      const target: Target = {
        type: 'thread',
        id: threadId,
        authorId: scope.thread.authorId,
        addScore: (m, d) => this.threads.addScore(m, threadId, d),
        scoreOf: (m) => this.threads.scoreOf(m, threadId),
      };
      return this.vote(tx.manager, scope, target, userId, value);
    });
  }

  voteReply(replyId: string, userId: string, value: number): Promise<VoteResultDto> {
    return this.uow.run(async (tx) => {
      const scope = await this.access.reply(replyId, userId, tx.manager);
      if (scope.reply.deletedAt) throw replyGone(scope.reply);
      const target: Target = {
        type: 'reply',
        id: replyId,
        authorId: scope.reply.authorId,
        addScore: (m, d) => this.replies.addScore(m, replyId, d),
        scoreOf: (m) => this.replies.scoreOf(m, replyId),
      };
      return this.vote(tx.manager, scope, target, userId, value);
    });
  }

  private async vote(
    manager: EntityManager,
    scope: ThreadScope,
    target: Target,
    userId: string,
    value: number,
  ): Promise<VoteResultDto> {
    this.access.assertActiveMember(scope, 'vote in it');
    this.access.assertOpen(scope, 'voting is closed');
    if (target.authorId === userId)
      throw new ForbiddenException(`you cannot vote on your own ${target.type}`);
    const now = new Date();
    const key = { userId, targetType: target.type, targetId: target.id };
    const previous = await this.votes.lockCurrent(manager, key, scope.thread.groupId, now);
    if (value !== previous) await target.addScore(manager, value - previous);
    await this.votes.set(manager, key, value, now);
    return { score: await target.scoreOf(manager), vote: value as VoteResultDto['vote'] };
  }
}
