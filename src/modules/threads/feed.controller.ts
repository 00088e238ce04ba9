import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public } from '../../common/auth/decorators';
import { Page, PageOf } from '../../common/pagination';
import { GroupFeedQueryDto, MyFeedQueryDto } from './dto/feed-query.dto';
import { ThreadDto } from './dto/thread-response.dto';
import { FeedService } from './feed.service';

@ApiTags('threads')
@ApiBearerAuth()
@Controller()
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Public()
  @Get('groups/:groupId/threads')
  @ApiOperation({
    summary:
      'A group\u2019s threads: pinned first, then by sort (latest, active, top, unanswered); kind and tag filters',
  })
  @ApiOkResponse({ type: PageOf(ThreadDto) })
  groupFeed(
    @Param('groupId') groupId: string,
    @Query() query: GroupFeedQueryDto,
    @OptionalUser() user: AuthUser | null,
  ): Promise<Page<ThreadDto>> {
    return this.feeds.groupFeed(groupId, user?.id ?? null, query);
  }

  @Get('me/feed')
  @ApiOperation({
    summary:
      'The caller\u2019s feed: threads from every group where they are an active member (latest or active first)',
  })
  @ApiOkResponse({ type: PageOf(ThreadDto) })
  myFeed(@Query() query: MyFeedQueryDto, @CurrentUser() user: AuthUser): Promise<Page<ThreadDto>> {
    return this.feeds.myFeed(user.id, query);
  }
}
