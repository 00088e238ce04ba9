import { BadRequestException, Injectable } from '@nestjs/common';
import { newId } from '../../common/ids';
import { renderMarkdown } from '../../common/markdown';
import { UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { ReplyDto } from './dto/reply-response.dto';
import { CreateThreadDto, UpdateThreadDto } from './dto/thread.dto';
import { ThreadDto } from './dto/thread-response.dto';
import { Thread } from './entities/thread.entity';
import { revisionRow, RevisionsRepository } from './revisions.repository';
import { ThreadAccess } from './thread-access.service';
import { ThreadViews } from './thread-views.service';
import { ThreadsRepository } from './threads.repository';

/** Starting, reading and editing threads. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ThreadAccess,
    private readonly threads: ThreadsRepository,
    private readonly revisions: RevisionsRepository,
    private readonly views: ThreadViews,
  ) {}

  async create(groupIdOrSlug: string, userId: string, dto: CreateThreadDto): Promise<ThreadDto> {
    const html = renderMarkdown(dto.body);
    const tags = dto.tags ?? [];
    const { thread, group } = await this.uow.run(async (tx) => {
      const ctx = await this.access.readableGroup(groupIdOrSlug, userId, tx.manager);
      this.access.assertCanStartThread(ctx, dto.kind);
      const now = new Date();
      const thread = Object.assign(new Thread(), {
        id: newId(),
        groupId: ctx.group.id,
        authorId: userId,
        kind: dto.kind,
        title: dto.title,
        body: dto.body,
        html,
        score: 0,
        replyCount: 0,
        acceptedReplyId: null,
        locked: false,
        pinned: false,
        revisionCount: 1,
        lastActivityAt: now,
        createdAt: now,
        updatedAt: now,
        editedAt: null,
        deletedAt: null,
        deletedById: null,
        deleteReason: null,
      });
      await this.threads.insert(tx.manager, thread);
      await this.threads.replaceTags(tx.manager, thread, tags);
      await this.revisions.insert(
        tx.manager,
        revisionRow(
          { type: 'thread', id: thread.id },
          { revision: 1, title: thread.title, body: thread.body, tags },
          userId,
          now,
        ),
      );
      tx.emit(
        domainEvent('thread.created', userId, {
          groupId: thread.groupId,
          threadId: thread.id,
          kind: thread.kind,
          authorId: userId,
        }),
      );
      return { thread, group: ctx.group };
    });
    return this.views.ofThread(thread, userId, group);
  }

  async get(threadId: string, viewerId: string | null): Promise<ThreadDto> {
    const { thread, ctx } = await this.access.thread(threadId, viewerId);
    return this.views.ofThread(thread, viewerId, ctx.group);
  }

  /** Title, body and tags; the previous version stays in the history. */
  async update(threadId: string, userId: string, dto: UpdateThreadDto): Promise<ThreadDto> {
    if (dto.title === undefined && dto.body === undefined && dto.tags === undefined) {
      throw new BadRequestException(['send at least one of title, body or tags']);
    }
    const html = dto.body === undefined ? undefined : renderMarkdown(dto.body);
    const threadAfter = await this.uow.run(async (tx) => {
      const scope = await this.access.thread(threadId, userId, tx.manager);
      this.access.assertOpen(scope, 'only moderators may edit it');
      this.access.assertAuthorOrModerator(
        scope,
        scope.thread.authorId,
        userId,
        'edit other members\u2019 threads',
      );
      const { thread } = scope;
      const tags =
        dto.tags ?? (await this.threads.tagsOf([thread.id], tx.manager)).get(thread.id) ?? [];
      const now = new Date();
      const patch: Partial<Thread> = { updatedAt: now, editedAt: now };
      if (dto.title !== undefined) patch.title = dto.title;
      if (dto.body !== undefined) Object.assign(patch, { body: dto.body, html });
      const revision = await this.threads.applyEdit(tx.manager, thread.id, patch);
      if (dto.tags !== undefined) await this.threads.replaceTags(tx.manager, thread, dto.tags);
      await this.revisions.insert(
        tx.manager,
        revisionRow(
          { type: 'thread', id: thread.id },
          { revision, title: patch.title ?? thread.title, body: patch.body ?? thread.body, tags },
          userId,
          now,
        ),
      );
      tx.emit(
        domainEvent('thread.updated', userId, {
          groupId: thread.groupId,
          threadId: thread.id,
          change: 'edit',
        }),
      );
      return (await this.threads.findById(thread.id, tx.manager))!;
    });
    return this.views.ofThread(threadAfter, userId);
  }

  /**
   * The thread as the HTTP API shows it to `viewerId` (realtime payloads); null when it does
   * not exist. A deleted thread comes with body and html blanked.
   */
  async threadView(threadId: string, viewerId: string | null): Promise<ThreadDto | null> {
    return this.views.threadView(threadId, viewerId);
  }

  /** The reply as the HTTP API shows it to `viewerId` (realtime payloads); null when it does not exist. */
  async replyView(replyId: string, viewerId: string | null): Promise<ReplyDto | null> {
    return this.views.replyView(replyId, viewerId);
  }
}
