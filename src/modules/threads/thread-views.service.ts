import { Injectable } from '@nestjs/common';
import { PublicUserDto, toPublicUser } from '../users/dto/user.dto';
import { UsersRepository } from '../users/users.repository';
import { AnswerDto, ReplyDto, toReplyResponse } from './dto/reply-response.dto';
import { GroupRefDto, ThreadDto, toThreadResponse } from './dto/thread-response.dto';
import { Reply } from './entities/reply.entity';
import { Thread } from './entities/thread.entity';
import { RepliesRepository } from './replies.repository';
import { ThreadsRepository } from './threads.repository';
import { VotesRepository } from './votes.repository';

/**
 * Turns rows into the response DTOs. Everything a page needs besides the rows (authors,
 * tags, the viewer's votes, group labels) is loaded in bulk: a constant number of queries
 * whatever the page size.
 */
@Injectable()
export class ThreadViews {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly replies: RepliesRepository,
    private readonly votes: VotesRepository,
    private readonly users: UsersRepository,
  ) {}

  /** `knownGroup`: the group every row belongs to, when the caller already has it. */
  async ofThreads(
    rows: Thread[],
    viewerId: string | null,
    knownGroup?: GroupRefDto,
  ): Promise<ThreadDto[]> {
    if (!rows.length) return [];
    const label = knownGroup && { id: knownGroup.id, slug: knownGroup.slug, name: knownGroup.name };
    const ids = rows.map((t) => t.id);
    const groupIds = knownGroup ? [] : [...new Set(rows.map((t) => t.groupId))];
    const [tags, authors, votes, groups] = await Promise.all([
      this.threads.tagsOf(ids),
      this.authors(rows.map((t) => t.authorId)),
      this.votes.viewerVotes(viewerId, 'thread', ids),
      this.threads.groupRefs(groupIds),
    ]);
    return rows.map((t) =>
      toThreadResponse(t, {
        group: label ?? groups.get(t.groupId) ?? { id: t.groupId, slug: '', name: '' },
        tags: tags.get(t.id) ?? [],
        author: authors.get(t.authorId) ?? unknownUser(t.authorId),
        vote: votes.get(t.id) ?? 0,
      }),
    );
  }

  async ofThread(
    row: Thread,
    viewerId: string | null,
    knownGroup?: GroupRefDto,
  ): Promise<ThreadDto> {
    return (await this.ofThreads([row], viewerId, knownGroup))[0];
  }

  async ofReplies(
    rows: Reply[],
    viewerId: string | null,
    acceptedReplyId: (r: Reply) => string | null,
  ): Promise<ReplyDto[]> {
    if (!rows.length) return [];
    const [authors, votes] = await Promise.all([
      this.authors(rows.filter((r) => !r.deletedAt).map((r) => r.authorId)),
      this.votes.viewerVotes(
        viewerId,
        'reply',
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((r) =>
      toReplyResponse(r, {
        author: authors.get(r.authorId) ?? unknownUser(r.authorId),
        vote: votes.get(r.id) ?? 0,
        acceptedReplyId: acceptedReplyId(r),
      }),
    );
  }

  async ofReply(
    row: Reply,
    viewerId: string | null,
    thread: Pick<Thread, 'acceptedReplyId'>,
  ): Promise<ReplyDto> {
    return (await this.ofReplies([row], viewerId, () => thread.acceptedReplyId))[0];
  }

  /** Answers with their first `perAnswer` comments: four queries for the whole page. */
  async ofAnswers(
    thread: Thread,
    answers: Reply[],
    viewerId: string | null,
    perAnswer: number,
  ): Promise<AnswerDto[]> {
    const comments = await this.replies.findFirstComments(
      thread.id,
      answers.map((a) => a.id),
      perAnswer + 1,
    );
    const views = await this.ofReplies(
      [...answers, ...comments],
      viewerId,
      () => thread.acceptedReplyId,
    );
    const byId = new Map(views.map((v) => [v.id, v]));
    const under = new Map<string, ReplyDto[]>();
    for (const c of comments)
      under.set(c.parentReplyId!, [...(under.get(c.parentReplyId!) ?? []), byId.get(c.id)!]);
    return answers.map((a) => {
      const all = under.get(a.id) ?? [];
      return {
        ...byId.get(a.id)!,
        comments: all.slice(0, perAnswer),
        moreComments: all.length > perAnswer,
      };
    });
  }

  /**
   * For pushing to sockets, whose audience is not checked per moderator: a deleted thread
   * comes with body and html blanked (over HTTP only moderators ever see it whole).
   */
  async threadView(threadId: string, viewerId: string | null): Promise<ThreadDto | null> {
    const thread = await this.threads.findById(threadId);
    if (!thread) return null;
    const view = await this.ofThread(thread, viewerId);
    return thread.deletedAt ? { ...view, body: '', html: '' } : view;
  }

  async replyView(replyId: string, viewerId: string | null): Promise<ReplyDto | null> {
    const reply = await this.replies.findById(replyId);
    const thread = reply && (await this.threads.findById(reply.threadId));
    return reply && thread ? this.ofReply(reply, viewerId, thread) : null;
  }

  async authors(userIds: string[]): Promise<Map<string, PublicUserDto>> {
    const users = await this.users.findManyByIds([...new Set(userIds)]);
    return new Map(users.map((u) => [u.id, toPublicUser(u)]));
  }
}

/** Users are never hard-deleted; this only guards against a row that vanished mid-request. */
function unknownUser(id: string): PublicUserDto {
  return { id, handle: '', displayName: 'unknown user', headline: '' };
}
