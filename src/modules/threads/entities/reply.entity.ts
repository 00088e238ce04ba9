import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An answer to a thread (parentReplyId null) or a comment on an answer (one level only).
 * Deleted replies keep their row and their place in the conversation, shown as removed.
 */
@Entity('replies')
@Index('ix_replies_thread_oldest', ['threadId', 'parentReplyId', 'createdAt', 'id'])
@Index('ix_replies_thread_top', ['threadId', 'parentReplyId', 'score', 'createdAt', 'id'])
@Index('ix_replies_author', ['authorId', 'createdAt'])
export class Reply {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 26 })
  threadId: string;

  /** Denormalised from the thread: access checks and moderation need it without a join. */
  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column({ type: 'varchar', length: 26, nullable: true })
  parentReplyId: string | null;

  @Column({ type: 'varchar', length: 26 })
  authorId: string;

  @Column({ type: 'text' })
  body: string;

  /** Sanitized rendering of `body`, made when the body is written. */
  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'integer', default: 0 })
  score: number;

  @Column({ type: 'integer', default: 1 })
  revisionCount: number;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;

  @Column({ type: Date, nullable: true })
  editedAt: Date | null;

  @Column({ type: Date, nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'varchar', length: 26, nullable: true })
  deletedById: string | null;

  @Column({ type: 'text', nullable: true })
  deleteReason: string | null;
}
