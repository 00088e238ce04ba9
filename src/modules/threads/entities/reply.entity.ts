import { Column, Entity, Index } from 'typeorm';
import { Post } from './post';

/**
 * An answer to a thread (parentReplyId null) or a comment on an answer (one level only).
 * Deleted replies keep their row and their place in the conversation, shown as removed.
 */
@Entity('replies')
@Index('ix_replies_thread_oldest', ['threadId', 'parentReplyId', 'createdAt', 'id'])
@Index('ix_replies_thread_top', ['threadId', 'parentReplyId', 'score', 'createdAt', 'id'])
@Index('ix_replies_author', ['authorId', 'createdAt'])
export class Reply extends Post {
  @Column({ type: 'varchar', length: 26 })
  threadId: string;

  /** Denormalised from the thread: access checks and moderation need it without a join. */
  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column({ type: 'varchar', length: 26, nullable: true })
  parentReplyId: string | null;
}
