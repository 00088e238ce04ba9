import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { Page, PageOf } from '../../common/pagination';
import { MarkReadDto, NotificationDto, NotificationQueryDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications, newest first (unread=true: only unread ones)" })
  @ApiOkResponse({ type: PageOf(NotificationDto) })
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(user.id, query);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark notifications read: the given ids, or all of them when none are given' })
  @ApiNoContentResponse()
  markRead(@CurrentUser() user: AuthUser, @Body() dto: MarkReadDto): Promise<void> {
    return this.notifications.markRead(user.id, dto);
  }
}
