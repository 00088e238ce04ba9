import { BadRequestException, Injectable } from '@nestjs/common';
import { newId } from '../../common/ids';
import { renderMarkdown } from '../../common/markdown';
import { Page, pageLimit, PageQueryDto } from '../../common/pagination';
import { UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { cutPage, decodeKey, KeyPart, KeyValue } from './cursor';
import { ReplyListQueryDto } from './dto/feed-query.dto';
import { AnswerDto, ReplyDto } from './dto/reply-response.dto';
import { CreateReplyDto, UpdateReplyDto } from './dto/reply.dto';
import { Reply } from './entities/reply.entity';
import { RepliesRepository } from './replies.repository';
import { revisionRow, RevisionsRepository } from './revisions.repository';
import { replyGone, ThreadAccess } from './thread-access.service';
import { ThreadViews } from './thread-views.service';
import { ThreadsRepository } from './threads.repository';

/** Comments shown under each answer in a replies page; the rest via GET /api/replies/:id/comments. */
export const COMMENTS_PER_ANSWER = 10;

const KEYS: Record<
  'oldest' | 'top' | 'comments',
  { parts: KeyPart[]; of: (r: Reply) => KeyValue[] }
> = {
  oldest: { parts: ['time', 'id'], of: (r) => [r.createdAt, r.id] },
  top: { parts: ['int', 'time', 'id'], of: (r) => [r.score, r.createdAt, r.id] },
  comments: { parts: ['time', 'id'], of: (r) => [r.createdAt, r.id] },
};

/** Answers and one-level comments: posting, listing, editing. */
@Injectable()
export class RepliesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ThreadAccess,
    private readonly replies: RepliesRepository,
    private readonly threads: ThreadsRepository,
    private readonly revisions: RevisionsRepository,
    private readonly views: ThreadViews,
  ) {}

  async create(threadId: string, userId: string, dto: CreateReplyDto): Promise<ReplyDto> {
    const html = renderMarkdown(dto.body);
    const { reply, thread } = await this.uow.run(async (tx) => {
      const scope = await this.access.thread(threadId, userId, tx.manager);
      this.access.assertCanPost(scope);
      this.access.assertOpen(scope, 'no new replies');
      const parentReplyId = dto.parentReplyId ?? null;
      if (parentReplyId) {
        const parent = await this.replies.findById(parentReplyId, tx.manager);
        if (!parent || parent.threadId !== threadId)
          throw new BadRequestException(['parentReplyId must be a reply of this thread']);
        if (parent.parentReplyId) {
          throw new BadRequestException([
            'parentReplyId is a comment: comments go one level deep, so comment on the answer instead',
          ]);
        }
        if (parent.deletedAt) throw replyGone(parent);
      }
      const now = new Date();
      const reply = Object.assign(new Reply(), {
        id: newId(),
        threadId,
        groupId: scope.thread.groupId,
        parentReplyId,
        authorId: userId,
        body: dto.body,
        html,
        score: 0,
        revisionCount: 1,
        createdAt: now,
        updatedAt: now,
        editedAt: null,
        deletedAt: null,
        deletedById: null,
        deleteReason: null,
      });
      await this.replies.insert(tx.manager, reply);
      await this.revisions.insert(
        tx.manager,
        revisionRow(
          { type: 'reply', id: reply.id },
          { revision: 1, title: null, body: reply.body, tags: null },
          userId,
          now,
        ),
      );
      await this.threads.recordReply(tx.manager, threadId, now);
      tx.emit(
        domainEvent('reply.created', userId, {
          groupId: reply.groupId,
          threadId,
          replyId: reply.id,
          authorId: userId,
          parentReplyId,
        }),
      );
      return { reply, thread: scope.thread };
    });
    return this.views.ofReply(reply, userId, thread);
  }

  /** A page of answers (oldest or top first), each with its first comments. */
  async list(
    threadId: string,
    viewerId: string | null,
    query: ReplyListQueryDto,
  ): Promise<Page<AnswerDto>> {
    const { thread } = await this.access.thread(threadId, viewerId);
    const sort = query.sort ?? 'oldest';
    const limit = pageLimit(query);
    const after = decodeKey(query.cursor, sort, KEYS[sort].parts);
    const page = cutPage(
      await this.replies.findAnswersPage(threadId, sort, after, limit + 1),
      limit,
      sort,
      KEYS[sort].of,
    );
    return {
      items: await this.views.ofAnswers(thread, page.items, viewerId, COMMENTS_PER_ANSWER),
      nextCursor: page.nextCursor,
    };
  }

  async get(replyId: string, viewerId: string | null): Promise<ReplyDto> {
    const { reply, thread } = await this.access.reply(replyId, viewerId);
    return this.views.ofReply(reply, viewerId, thread);
  }

  /** All comments on an answer, oldest first. */
  async comments(
    replyId: string,
    viewerId: string | null,
    query: PageQueryDto,
  ): Promise<Page<ReplyDto>> {
    const { reply, thread } = await this.access.reply(replyId, viewerId);
    if (reply.parentReplyId)
      throw new BadRequestException(['replyId is a comment; only answers have comments']);
    const limit = pageLimit(query);
    const after = decodeKey(query.cursor, 'comments', KEYS.comments.parts);
    const page = cutPage(
      await this.replies.findCommentsPage(thread.id, reply.id, after, limit + 1),
      limit,
      'comments',
      KEYS.comments.of,
    );
    return {
      items: await this.views.ofReplies(page.items, viewerId, () => thread.acceptedReplyId),
      nextCursor: page.nextCursor,
    };
  }

  async update(replyId: string, userId: string, dto: UpdateReplyDto): Promise<ReplyDto> {
    const html = renderMarkdown(dto.body);
    const { reply, thread } = await this.uow.run(async (tx) => {
      const scope = await this.access.reply(replyId, userId, tx.manager);
      this.access.assertOpen(scope, 'only moderators may edit its replies');
      if (scope.reply.deletedAt) throw replyGone(scope.reply);
      this.access.assertAuthorOrModerator(
        scope,
        scope.reply.authorId,
        userId,
        'edit other members\u2019 replies',
      );
      const now = new Date();
      const revision = await this.replies.applyEdit(tx.manager, replyId, {
        body: dto.body,
        html,
        editedAt: now,
        updatedAt: now,
      });
      await this.revisions.insert(
        tx.manager,
        revisionRow(
          { type: 'reply', id: replyId },
          { revision, title: null, body: dto.body, tags: null },
          userId,
          now,
        ),
      );
      tx.emit(
        domainEvent('reply.updated', userId, {
          groupId: scope.reply.groupId,
          threadId: scope.reply.threadId,
          replyId,
          change: 'edit',
        }),
      );
      return { reply: (await this.replies.findById(replyId, tx.manager))!, thread: scope.thread };
    });
    return this.views.ofReply(reply, userId, thread);
  }
}
