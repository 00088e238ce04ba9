import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../../common/ids';
import { BODY_MAX, IsMarkdownBody } from './thread.dto';

export class CreateReplyDto {
  @ApiProperty({ maxLength: BODY_MAX, description: 'Markdown' })
  @IsMarkdownBody()
  body: string;

  @ApiPropertyOptional({
    description: 'Makes this a comment on that answer (one level only: not on a comment)',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'parentReplyId must be a valid id' })
  parentReplyId?: string;
}

export class UpdateReplyDto {
  @ApiProperty({ maxLength: BODY_MAX, description: 'Markdown' })
  @IsMarkdownBody()
  body: string;
}
