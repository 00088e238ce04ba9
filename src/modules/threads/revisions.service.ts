import { Injectable } from '@nestjs/common';
import { Page, pageLimit, PageQueryDto } from '../../common/pagination';
import { cutPage, decodeKey } from './cursor';
import { RevisionDto, toRevisionResponse } from './dto/revision-response.dto';
import { Revision, RevisionTargetType } from './entities/revision.entity';
import { RevisionsRepository } from './revisions.repository';
import { replyGone, ThreadAccess } from './thread-access.service';
import { ThreadViews } from './thread-views.service';

/** Edit histories, newest version first. Whoever may read the content may read its history. */
@Injectable()
export class RevisionsService {
  constructor(
    private readonly access: ThreadAccess,
    private readonly revisions: RevisionsRepository,
    private readonly views: ThreadViews,
  ) {}

  async ofThread(
    threadId: string,
    viewerId: string | null,
    query: PageQueryDto,
  ): Promise<Page<RevisionDto>> {
    await this.access.thread(threadId, viewerId);
    return this.page('thread', threadId, query);
  }

  /** A deleted reply's history stays visible to moderators only: deleting must hide the text. */
  async ofReply(
    replyId: string,
    viewerId: string | null,
    query: PageQueryDto,
  ): Promise<Page<RevisionDto>> {
    const { reply, moderator } = await this.access.reply(replyId, viewerId);
    if (reply.deletedAt && !moderator) throw replyGone(reply);
    return this.page('reply', replyId, query);
  }

  private async page(
    type: RevisionTargetType,
    id: string,
    query: PageQueryDto,
  ): Promise<Page<RevisionDto>> {
    const limit = pageLimit(query);
    const after = decodeKey(query.cursor, 'revisions', ['int']);
    const rows = await this.revisions.findPage(
      type,
      id,
      after ? (after[0] as number) : null,
      limit + 1,
    );
    const page = cutPage(rows, limit, 'revisions', (v: Revision) => [v.revision]);
    const editors = await this.views.authors(page.items.map((v) => v.editorId));
    return {
      items: page.items.map((v) => toRevisionResponse(v, editors.get(v.editorId) ?? null)),
      nextCursor: page.nextCursor,
    };
  }
}
