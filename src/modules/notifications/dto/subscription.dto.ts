import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { SubscriptionLevel } from '../../groups/entities/membership.entity';
import { THREAD_SUBSCRIPTION_LEVELS, ThreadSubscriptionLevel } from '../entities/thread-subscription.entity';

export const GROUP_SUBSCRIPTION_LEVELS: SubscriptionLevel[] = ['all', 'questions', 'mentions', 'muted'];

export class SetGroupSubscriptionDto {
  @ApiProperty({
    enum: GROUP_SUBSCRIPTION_LEVELS,
    description: 'all: every new thread is pushed; questions (default): new questions; mentions: only @mentions; muted: nothing',
  })
  @IsIn(GROUP_SUBSCRIPTION_LEVELS, { message: `level must be one of ${GROUP_SUBSCRIPTION_LEVELS.join(', ')}` })
  level: SubscriptionLevel;
}

export class GroupSubscriptionDto {
  @ApiProperty() groupId: string;
  @ApiProperty({ enum: GROUP_SUBSCRIPTION_LEVELS }) level: SubscriptionLevel;
}

export class SetThreadSubscriptionDto {
  @ApiProperty({
    enum: THREAD_SUBSCRIPTION_LEVELS,
    description: 'watching: replies and changes are pushed; normal: notifications only; muted: nothing from this thread',
  })
  @IsIn(THREAD_SUBSCRIPTION_LEVELS, { message: `level must be one of ${THREAD_SUBSCRIPTION_LEVELS.join(', ')}` })
  level: ThreadSubscriptionLevel;
}

export class ThreadSubscriptionDto {
  @ApiProperty() threadId: string;
  @ApiProperty({ enum: THREAD_SUBSCRIPTION_LEVELS }) level: ThreadSubscriptionLevel;
}
