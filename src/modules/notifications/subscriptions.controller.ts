import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { GroupIdPipe } from '../groups/group-id.pipe';
import { IdParamPipe } from '../../common/id-param.pipe';
import { GroupSubscriptionDto, SetGroupSubscriptionDto, SetThreadSubscriptionDto, ThreadSubscriptionDto } from './dto/subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Put('groups/:groupId/subscription')
  @ApiOperation({ summary: 'Choose which new threads of a group are pushed to you (active members)' })
  @ApiOkResponse({ type: GroupSubscriptionDto })
  setGroup(@CurrentUser() user: AuthUser, @Param('groupId', GroupIdPipe) groupId: string, @Body() dto: SetGroupSubscriptionDto): Promise<GroupSubscriptionDto> {
    return this.subscriptions.setGroupLevel(user.id, groupId, dto.level);
  }

  @Get('groups/:groupId/subscription')
  @ApiOperation({ summary: 'Your subscription level in a group (active members)' })
  @ApiOkResponse({ type: GroupSubscriptionDto })
  getGroup(@CurrentUser() user: AuthUser, @Param('groupId', GroupIdPipe) groupId: string): Promise<GroupSubscriptionDto> {
    return this.subscriptions.groupLevel(user.id, groupId);
  }

  @Put('threads/:threadId/subscription')
  @ApiOperation({ summary: 'Watch a thread (replies and changes pushed), keep it normal (notifications only) or mute it' })
  @ApiOkResponse({ type: ThreadSubscriptionDto })
  setThread(@CurrentUser() user: AuthUser, @Param('threadId', IdParamPipe) threadId: string, @Body() dto: SetThreadSubscriptionDto): Promise<ThreadSubscriptionDto> {
    return this.subscriptions.setThreadLevel(user.id, threadId, dto.level);
  }

  @Get('threads/:threadId/subscription')
  @ApiOperation({ summary: 'Your subscription level for a thread (normal unless chosen; authors and repliers watch)' })
  @ApiOkResponse({ type: ThreadSubscriptionDto })
  getThread(@CurrentUser() user: AuthUser, @Param('threadId', IdParamPipe) threadId: string): Promise<ThreadSubscriptionDto> {
    return this.subscriptions.threadLevel(user.id, threadId);
  }
}
