import { ApiProperty } from '@nestjs/swagger';
import { PublicUserDto } from '../../users/dto/user.dto';
import { THREAD_KINDS, Thread, ThreadKind } from '../entities/thread.entity';

export class GroupRefDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export type DeletedBy = 'author' | 'moderator';

export class ThreadDto {
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty({ type: GroupRefDto }) group: GroupRefDto;
  @ApiProperty({ enum: THREAD_KINDS }) kind: ThreadKind;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Markdown as written' }) body: string;
  @ApiProperty({ description: 'Sanitized HTML rendering of body' }) html: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: PublicUserDto }) author: PublicUserDto;
  @ApiProperty() score: number;
  @ApiProperty({ description: 'Replies (answers and comments) that are not deleted' })
  replyCount: number;
  @ApiProperty({ type: String, nullable: true }) acceptedReplyId: string | null;
  @ApiProperty() locked: boolean;
  @ApiProperty() pinned: boolean;
  @ApiProperty({ enum: [1, -1, 0], description: "The caller's vote (0: none or anonymous)" })
  vote: number;
  @ApiProperty({ description: 'Number of versions in the edit history (1: never edited)' })
  revisionCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Creation or the newest reply' }) lastActivityAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Last edit; null when never edited' })
  editedAt: string | null;
  @ApiProperty({ description: 'Only moderators ever see a deleted thread' }) deleted: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['author', 'moderator'] })
  deletedBy: DeletedBy | null;
}

export interface ThreadExtras {
  group: GroupRefDto;
  tags: string[];
  author: PublicUserDto;
  vote: number;
}

export function deletedBy(row: {
  deletedAt: Date | null;
  deletedById: string | null;
  authorId: string;
}): DeletedBy | null {
  if (!row.deletedAt) return null;
  return row.deletedById === row.authorId ? 'author' : 'moderator';
}

export function toThreadResponse(t: Thread, x: ThreadExtras): ThreadDto {
  return {
    id: t.id,
    groupId: t.groupId,
    group: x.group,
    kind: t.kind,
    title: t.title,
    body: t.body,
    html: t.html,
    tags: x.tags,
    author: x.author,
    score: t.score,
    replyCount: t.replyCount,
    acceptedReplyId: t.acceptedReplyId,
    locked: t.locked,
    pinned: t.pinned,
    vote: x.vote,
    revisionCount: t.revisionCount,
    createdAt: t.createdAt.toISOString(),
    lastActivityAt: t.lastActivityAt.toISOString(),
    editedAt: t.editedAt ? t.editedAt.toISOString() : null,
    deleted: !!t.deletedAt,
    deletedBy: deletedBy(t),
  };
}
