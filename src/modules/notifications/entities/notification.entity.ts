import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * reply: someone answered your thread. comment: someone commented on your reply.
 * mention: someone named your @handle in a thread or reply you can read. accepted: your answer was accepted.
 */
export type NotificationKind = 'reply' | 'comment' | 'mention' | 'accepted';
export const NOTIFICATION_KINDS: NotificationKind[] = ['reply', 'comment', 'mention', 'accepted'];

/** An entry of a user's inbox. Title and excerpt are copied when it is made, so the inbox reads in one query. */
@Entity('notifications')
@Index('ix_notifications_user_id', ['userId', 'id'])
@Index('ix_notifications_user_unread', ['userId', 'readAt', 'id'])
export class Notification {
  /** ULID: sorts by creation time, so "newest first" is ORDER BY id DESC. */
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 26 })
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 26, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column({ type: 'varchar', length: 26 })
  threadId: string;

  @Column({ type: 'varchar', length: 26, nullable: true })
  replyId: string | null;

  /** The thread's title when the notification was made. */
  @Column({ type: 'varchar', length: 200, default: '' })
  threadTitle: string;

  /** The first words of the reply or thread that caused it (plain markdown, trimmed). */
  @Column({ type: 'varchar', length: 300, default: '' })
  excerpt: string;

  @Column()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  readAt: Date | null;
}
