import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { GroupIdPipe } from '../groups/group-id.pipe';
import { GroupSubscriptionDto, SetGroupSubscriptionDto } from './dto/subscription.dto';
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
}
