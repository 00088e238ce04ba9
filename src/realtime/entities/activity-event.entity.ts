import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The Socket.IO event names the activity log carries (see API.md, "Socket.IO"). */
export type ActivityType =
  | 'question.created'
  | 'thread.created'
  | 'thread.updated'
  | 'reply.created'
  | 'reply.updated'
  | 'membership.changed'
  | 'notification';

/**
 * One real-time event, written in the same transaction as the change that caused it. The id is
 * the client-visible `eventId`: an autoincrement shared by every instance (one database), so it
 * orders events cluster-wide and lets a reconnecting client resume. Only ids are stored; the
 * payload is rendered when the event is delivered. Rows older than the retention are pruned.
 */
@Entity('activity_events')
@Index('ix_activity_events_created_at', ['createdAt'])
@Index('ix_activity_events_user', ['userId', 'id'])
@Index('ix_activity_events_group', ['groupId', 'type', 'id'])
@Index('ix_activity_events_thread', ['threadId', 'id'])
export class ActivityEvent {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 40 })
  type: ActivityType;

  @Column({ type: 'varchar', length: 26, nullable: true })
  groupId: string | null;

  @Column({ type: 'varchar', length: 26, nullable: true })
  threadId: string | null;

  /** The one user the event is addressed to (notification, membership.changed); null for broadcasts. */
  @Column({ type: 'varchar', length: 26, nullable: true })
  userId: string | null;

  /** Who caused it: broadcasts are never echoed to the actor. */
  @Column({ type: 'varchar', length: 26, nullable: true })
  actorId: string | null;

  /** The reply or notification the event is about. */
  @Column({ type: 'varchar', length: 26, nullable: true })
  refId: string | null;

  /** Small JSON details (membership status and role, the kind of thread change). */
  @Column({ type: 'text', nullable: true })
  data: string | null;

  @Column()
  createdAt: Date;
}
