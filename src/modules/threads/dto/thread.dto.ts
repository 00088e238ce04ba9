import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsTagList } from '../../../common/tags';
import { THREAD_KINDS, ThreadKind } from '../entities/thread.entity';

export const TITLE_MIN = 5;
export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const TAGS_MAX = 5;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Markdown of 1..20,000 characters that is not only white space. */
export function IsMarkdownBody() {
  return applyDecorators(
    IsString(),
    MaxLength(BODY_MAX),
    Matches(/\S/, { message: '$property must not be empty' }),
  );
}

export class CreateThreadDto {
  @ApiProperty({ enum: THREAD_KINDS, description: 'announcement: moderators and owners only' })
  @IsIn(THREAD_KINDS)
  kind: ThreadKind;

  @ApiProperty({ minLength: TITLE_MIN, maxLength: TITLE_MAX })
  @Transform(trim)
  @IsString()
  @MinLength(TITLE_MIN)
  @MaxLength(TITLE_MAX)
  title: string;

  @ApiProperty({ maxLength: BODY_MAX, description: 'Markdown (see README, "Markdown")' })
  @IsMarkdownBody()
  body: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: TAGS_MAX,
    description: 'Lower-cased, spaces become dashes, duplicates dropped; each 1-30 of [a-z0-9-]',
  })
  @IsOptional()
  @IsTagList(TAGS_MAX)
  tags?: string[];
}

/** Any of title, body, tags; each edit keeps the previous version in the history. */
export class UpdateThreadDto {
  @ApiPropertyOptional({ minLength: TITLE_MIN, maxLength: TITLE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(TITLE_MIN)
  @MaxLength(TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ maxLength: BODY_MAX })
  @IsOptional()
  @IsMarkdownBody()
  body?: string;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX })
  @IsOptional()
  @IsTagList(TAGS_MAX)
  tags?: string[];
}

export class DeleteContentDto {
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Why (recorded in the audit log when a moderator removes it)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}
