import { ApiProperty } from '@nestjs/swagger';
import { renderMarkdown } from '../../../common/markdown';
import { PublicUserDto } from '../../users/dto/user.dto';
import { Revision } from '../entities/revision.entity';

export class RevisionDto {
  @ApiProperty({ description: '1 is the original; each edit adds one' }) revision: number;
  @ApiProperty({ type: String, nullable: true, description: 'Threads only' }) title: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'Sanitized HTML rendering of body' }) html: string;
  @ApiProperty({ type: [String], nullable: true, description: 'Threads only' }) tags:
    string[] | null;
  @ApiProperty({ type: PublicUserDto, nullable: true, description: 'Who wrote this version' })
  editor: PublicUserDto | null;
  @ApiProperty({ description: 'When this version was written' }) editedAt: string;
}

export function toRevisionResponse(v: Revision, editor: PublicUserDto | null): RevisionDto {
  return {
    revision: v.revision,
    title: v.title,
    body: v.body,
    // Old versions are read rarely: rendered on demand rather than stored twice.
    html: renderMarkdown(v.body),
    tags: v.tags === null ? null : (JSON.parse(v.tags) as string[]),
    editor,
    editedAt: v.createdAt.toISOString(),
  };
}
