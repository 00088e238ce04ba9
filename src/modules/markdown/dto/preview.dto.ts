import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** The longest markdown any feature accepts (thread and reply bodies, group rules). */
export const PREVIEW_MAX = 20_000;

export class MarkdownPreviewDto {
  @ApiProperty({ maxLength: PREVIEW_MAX, description: 'Markdown as the user typed it' })
  @IsString()
  @MaxLength(PREVIEW_MAX)
  body: string;
}

export class MarkdownPreviewResponseDto {
  @ApiProperty({ description: 'The sanitized HTML the server would store for this markdown' })
  html: string;
}
