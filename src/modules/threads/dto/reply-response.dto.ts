import { ApiProperty } from '@nestjs/swagger';
import { PublicUserDto } from '../../users/dto/user.dto';
import { Reply } from '../entities/reply.entity';
import { DeletedBy, deletedBy } from './thread-response.dto';

export class ReplyDto {
  @ApiProperty() id: string;
  @ApiProperty() threadId: string;
  @ApiProperty() groupId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Set on comments: the answer commented on',
  })
  parentReplyId: string | null;
  @ApiProperty({ description: 'Markdown as written; empty when deleted' }) body: string;
  @ApiProperty({ description: 'Sanitized HTML rendering of body; empty when deleted' })
  html: string;
  @ApiProperty({ type: PublicUserDto, nullable: true, description: 'null when deleted' })
  author: PublicUserDto | null;
  @ApiProperty() score: number;
  @ApiProperty({ enum: [1, -1, 0], description: "The caller's vote (0: none or anonymous)" })
  vote: number;
  @ApiProperty({ description: "This is the thread's accepted answer" }) accepted: boolean;
  @ApiProperty({ description: 'Number of versions in the edit history (1: never edited)' })
  revisionCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) editedAt: string | null;
  @ApiProperty({
    description: 'A deleted reply keeps its place, with body, html and author blanked',
  })
  deleted: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['author', 'moderator'] })
  deletedBy: DeletedBy | null;
}

/** An answer with the first comments on it. */
export class AnswerDto extends ReplyDto {
  @ApiProperty({
    type: [ReplyDto],
    description: 'The first comments, oldest first (deleted ones as placeholders)',
  })
  comments: ReplyDto[];

  @ApiProperty({ description: 'More comments follow: GET /api/replies/{replyId}/comments' })
  moreComments: boolean;
}

export interface ReplyExtras {
  author: PublicUserDto | null;
  vote: number;
  acceptedReplyId: string | null;
}

export function toReplyResponse(r: Reply, x: ReplyExtras): ReplyDto {
  const deleted = !!r.deletedAt;
  return {
    id: r.id,
    threadId: r.threadId,
    groupId: r.groupId,
    parentReplyId: r.parentReplyId,
    body: deleted ? '' : r.body,
    html: deleted ? '' : r.html,
    author: deleted ? null : x.author,
    score: r.score,
    vote: x.vote,
    accepted: x.acceptedReplyId === r.id,
    revisionCount: r.revisionCount,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt ? r.editedAt.toISOString() : null,
    deleted,
    deletedBy: deletedBy(r),
  };
}
