import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import { TAG_PATTERN } from '../../../common/tags';
import { THREAD_KINDS, ThreadKind } from '../entities/thread.entity';

export const GROUP_FEED_SORTS = ['latest', 'active', 'top', 'unanswered'] as const;
export type GroupFeedSort = (typeof GROUP_FEED_SORTS)[number];
export const MY_FEED_SORTS = ['latest', 'active'] as const;
export type MyFeedSort = (typeof MY_FEED_SORTS)[number];

const normTag = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, '-') : value;

class FeedFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: THREAD_KINDS })
  @IsOptional()
  @IsIn(THREAD_KINDS)
  kind?: ThreadKind;

  @ApiPropertyOptional({ description: 'Only threads with this tag' })
  @IsOptional()
  @Transform(normTag)
  @Matches(TAG_PATTERN, { message: 'tag must be 1-30 characters a-z, 0-9 or -' })
  tag?: string;
}

export class GroupFeedQueryDto extends FeedFilterDto {
  @ApiPropertyOptional({
    enum: GROUP_FEED_SORTS,
    default: 'latest',
    description:
      'latest: newest first; active: last reply first; top: highest score; unanswered: questions without replies or accepted answer. Pinned threads always come first.',
  })
  @IsOptional()
  @IsIn(GROUP_FEED_SORTS)
  sort?: GroupFeedSort;
}

export class MyFeedQueryDto extends FeedFilterDto {
  @ApiPropertyOptional({ enum: MY_FEED_SORTS, default: 'latest' })
  @IsOptional()
  @IsIn(MY_FEED_SORTS)
  sort?: MyFeedSort;
}

export const REPLY_SORTS = ['oldest', 'top'] as const;
export type ReplySort = (typeof REPLY_SORTS)[number];

export class ReplyListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: REPLY_SORTS,
    default: 'oldest',
    description: 'Order of the answers; comments under each answer are always oldest first',
  })
  @IsOptional()
  @IsIn(REPLY_SORTS)
  sort?: ReplySort;
}
