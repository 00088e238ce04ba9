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
import { ReplyListQueryDto } from './dto/feed-query.dto';
import { AnswerDto, ReplyDto } from './dto/reply-response.dto';
import { CreateReplyDto, UpdateReplyDto } from './dto/reply.dto';
import { RevisionDto } from './dto/revision-response.dto';
import { DeleteContentDto } from './dto/thread.dto';
import { VoteDto, VoteResultDto } from './dto/vote.dto';
import { RepliesService } from './replies.service';
import { RevisionsService } from './revisions.service';
import { VotesService } from './votes.service';

const ThreadId = () => Param('threadId', IdParamPipe);
const ReplyId = () => Param('replyId', IdParamPipe);

@ApiTags('replies')
@ApiBearerAuth()
@Controller()
export class RepliesController {
  constructor(
    private readonly replies: RepliesService,
    private readonly removal: ContentRemovalService,
    private readonly votes: VotesService,
    private readonly revisions: RevisionsService,
  ) {}

  @Post('threads/:threadId/replies')
  @ApiOperation({
    summary:
      'Answer a thread, or comment on an answer with parentReplyId; 423 when the thread is locked',
  })
  @ApiCreatedResponse({ type: ReplyDto })
  create(
    @ThreadId() threadId: string,
    @Body() dto: CreateReplyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ReplyDto> {
    return this.replies.create(threadId, user.id, dto);
  }

  @Public()
  @Get('threads/:threadId/replies')
  @ApiOperation({
    summary: 'A thread\u2019s answers (oldest or top first), each with its first comments',
  })
  @ApiOkResponse({ type: PageOf(AnswerDto) })
  list(
    @ThreadId() threadId: string,
    @Query() query: ReplyListQueryDto,
    @OptionalUser() user: AuthUser | null,
  ): Promise<Page<AnswerDto>> {
    return this.replies.list(threadId, user?.id ?? null, query);
  }

  @Public()
  @Get('replies/:replyId')
  @ApiOperation({ summary: 'One reply (a deleted one shows as removed)' })
  @ApiOkResponse({ type: ReplyDto })
  get(@ReplyId() replyId: string, @OptionalUser() user: AuthUser | null): Promise<ReplyDto> {
    return this.replies.get(replyId, user?.id ?? null);
  }

  @Public()
  @Get('replies/:replyId/comments')
  @ApiOperation({ summary: 'All comments on an answer, oldest first' })
  @ApiOkResponse({ type: PageOf(ReplyDto) })
  comments(
    @ReplyId() replyId: string,
    @Query() query: PageQueryDto,
    @OptionalUser() user: AuthUser | null,
  ): Promise<Page<ReplyDto>> {
    return this.replies.comments(replyId, user?.id ?? null, query);
  }

  @Patch('replies/:replyId')
  @ApiOperation({ summary: 'Edit a reply (author or moderator); the previous version is kept' })
  @ApiOkResponse({ type: ReplyDto })
  update(
    @ReplyId() replyId: string,
    @Body() dto: UpdateReplyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ReplyDto> {
    return this.replies.update(replyId, user.id, dto);
  }

  @Delete('replies/:replyId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Soft-delete a reply (author) or remove it with a reason (moderator, audit-logged); it keeps its place',
  })
  @ApiNoContentResponse()
  delete(
    @ReplyId() replyId: string,
    @Body() dto: DeleteContentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.removal.deleteReply(replyId, user.id, dto.reason ?? null);
  }

  @Public()
  @Get('replies/:replyId/revisions')
  @ApiOperation({ summary: 'Edit history of a reply, newest version first' })
  @ApiOkResponse({ type: PageOf(RevisionDto) })
  revisionsOf(
    @ReplyId() replyId: string,
    @Query() query: PageQueryDto,
    @OptionalUser() user: AuthUser | null,
  ): Promise<Page<RevisionDto>> {
    return this.revisions.ofReply(replyId, user?.id ?? null, query);
  }

  @Put('replies/:replyId/vote')
  @ApiOperation({
    summary: 'Vote on a reply: 1, -1 or 0 to withdraw (members; not on one\u2019s own)',
  })
  @ApiOkResponse({ type: VoteResultDto })
  vote(
    @ReplyId() replyId: string,
    @Body() dto: VoteDto,
    @CurrentUser() user: AuthUser,
  ): Promise<VoteResultDto> {
    return this.votes.voteReply(replyId, user.id, dto.value);
  }
}
