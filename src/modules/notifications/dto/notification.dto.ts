import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../../common/ids';
import { PageQueryDto } from '../../../common/pagination';
import { PublicUserDto, toPublicUser } from '../../users/dto/user.dto';
import type { User } from '../../users/entities/user.entity';
import { NOTIFICATION_KINDS, Notification, NotificationKind } from '../entities/notification.entity';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'Notifications to mark read; none: all of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ID_PATTERN, { each: true, message: 'ids must contain valid ids' })
  ids?: string[];
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    description: 'reply: an answer to your thread; comment: a comment on your reply; mention: your @handle; accepted: your answer was accepted',
  })
  kind: NotificationKind;
  @ApiProperty({ type: PublicUserDto, nullable: true, description: 'Who caused it' }) actor: PublicUserDto | null;
  @ApiProperty() groupId: string;
  @ApiProperty() threadId: string;
  @ApiProperty({ type: String, nullable: true }) replyId: string | null;
  @ApiProperty({ description: 'The thread title when the notification was made' }) threadTitle: string;
  @ApiProperty({ description: 'The first words of the post that caused it' }) excerpt: string;
  @ApiProperty() read: boolean;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
  @ApiProperty() createdAt: string;
}

export function toNotificationDto(n: Notification, actor: User | undefined): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    actor: actor ? toPublicUser(actor) : null,
    groupId: n.groupId,
    threadId: n.threadId,
    replyId: n.replyId,
    threadTitle: n.threadTitle,
    excerpt: n.excerpt,
    read: n.readAt !== null,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  };
}
