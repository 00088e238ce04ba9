import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public } from '../../common/auth/decorators';
import { IdParamPipe } from '../../common/id-param.pipe';
import { Page, PageOf, PageQueryDto } from '../../common/pagination';
import { ContentRemovalService } from './content-removal.service';
import { RevisionDto } from './dto/revision-response.dto';
import { ThreadDto } from './dto/thread-response.dto';
import { CreateThreadDto, DeleteContentDto, UpdateThreadDto } from './dto/thread.dto';
import { AcceptReplyDto, VoteDto, VoteResultDto } from './dto/vote.dto';
import { RevisionsService } from './revisions.service';
import { ThreadModerationService } from './thread-moderation.service';
import { ThreadsService } from './threads.service';
import { VotesService } from './votes.service';

const ThreadId = () => Param('threadId', IdParamPipe);

@ApiTags('threads')
@ApiBearerAuth()
@Controller()
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly moderation: ThreadModerationService,
    private readonly removal: ContentRemovalService,
    private readonly votes: VotesService,
    private readonly revisions: RevisionsService,
  ) {}

  @Post('groups/:groupId/threads')
  @ApiOperation({
    summary: 'Start a thread (active members who accepted the rules; announcements: moderators)',
  })
  @ApiCreatedResponse({ type: ThreadDto })
  create(
    @Param('groupId') groupId: string,
    @Body() dto: CreateThreadDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ThreadDto> {
    return this.threads.create(groupId, user.id, dto);
  }

  @Public()
  @Get('threads/:threadId')
  @ApiOperation({
    summary:
      'A thread with score, replyCount, acceptedReplyId, locked, pinned and the caller\u2019s vote',
  })
  @ApiOkResponse({ type: ThreadDto })
  get(@ThreadId() threadId: string, @OptionalUser() user: AuthUser | null): Promise<ThreadDto> {
    return this.threads.get(threadId, user?.id ?? null);
  }

  @Patch('threads/:threadId')
  @ApiOperation({
    summary: 'Edit title, body or tags (author or moderator); the previous version is kept',
  })
  @ApiOkResponse({ type: ThreadDto })
  update(
    @ThreadId() threadId: string,
    @Body() dto: UpdateThreadDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ThreadDto> {
    return this.threads.update(threadId, user.id, dto);
  }

  @Delete('threads/:threadId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Soft-delete a thread (author) or remove it with a reason (moderator, audit-logged)',
  })
  @ApiNoContentResponse()
  delete(
    @ThreadId() threadId: string,
    @Body() dto: DeleteContentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.removal.deleteThread(threadId, user.id, dto.reason ?? null);
  }

  @Public()
  @Get('threads/:threadId/revisions')
  @ApiOperation({
    summary: 'Edit history of a thread, newest version first (revision 1 is the original)',
  })
  @ApiOkResponse({ type: PageOf(RevisionDto) })
  revisionsOf(
    @ThreadId() threadId: string,
    @Query() query: PageQueryDto,
    @OptionalUser() user: AuthUser | null,
  ): Promise<Page<RevisionDto>> {
    return this.revisions.ofThread(threadId, user?.id ?? null, query);
  }

  @Put('threads/:threadId/vote')
  @ApiOperation({
    summary: 'Vote on a thread: 1, -1 or 0 to withdraw (members; not on one\u2019s own)',
  })
  @ApiOkResponse({ type: VoteResultDto })
  vote(
    @ThreadId() threadId: string,
    @Body() dto: VoteDto,
    @CurrentUser() user: AuthUser,
  ): Promise<VoteResultDto> {
    return this.votes.voteThread(threadId, user.id, dto.value);
  }

  @Post('threads/:threadId/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept an answer of a question (its author or a moderator); replyId null withdraws it',
  })
  @ApiOkResponse({ type: ThreadDto })
  accept(
    @ThreadId() threadId: string,
    @Body() dto: AcceptReplyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ThreadDto> {
    return this.moderation.accept(threadId, user.id, dto.replyId);
  }

  @Post('threads/:threadId/lock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lock a thread: no new replies or votes (moderators)' })
  @ApiOkResponse({ type: ThreadDto })
  lock(@ThreadId() threadId: string, @CurrentUser() user: AuthUser): Promise<ThreadDto> {
    return this.moderation.setFlag(threadId, user.id, 'lock');
  }

  @Post('threads/:threadId/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unlock a thread (moderators)' })
  @ApiOkResponse({ type: ThreadDto })
  unlock(@ThreadId() threadId: string, @CurrentUser() user: AuthUser): Promise<ThreadDto> {
    return this.moderation.setFlag(threadId, user.id, 'unlock');
  }

  @Post('threads/:threadId/pin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pin a thread to the top of its group\u2019s lists (moderators)' })
  @ApiOkResponse({ type: ThreadDto })
  pin(@ThreadId() threadId: string, @CurrentUser() user: AuthUser): Promise<ThreadDto> {
    return this.moderation.setFlag(threadId, user.id, 'pin');
  }

  @Post('threads/:threadId/unpin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unpin a thread (moderators)' })
  @ApiOkResponse({ type: ThreadDto })
  unpin(@ThreadId() threadId: string, @CurrentUser() user: AuthUser): Promise<ThreadDto> {
    return this.moderation.setFlag(threadId, user.id, 'unpin');
  }
}
