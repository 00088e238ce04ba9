import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** watching: every reply and change is pushed. normal: only notifications. muted: nothing from this thread. */
export type ThreadSubscriptionLevel = 'watching' | 'normal' | 'muted';
export const THREAD_SUBSCRIPTION_LEVELS: ThreadSubscriptionLevel[] = ['watching', 'normal', 'muted'];

/**
 * A user's choice about one thread. Authors and repliers get a `watching` row when they post
 * (unless they already chose a level); a missing row means `normal`.
 */
@Entity('thread_subscriptions')
@Index('ix_thread_subscriptions_thread_level', ['threadId', 'level', 'userId'])
@Index('ix_thread_subscriptions_user_level', ['userId', 'level', 'threadId'])
export class ThreadSubscription {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  threadId: string;

  @PrimaryColumn({ type: 'varchar', length: 26 })
  userId: string;

  /** Denormalised from the thread, so access checks need no join with threads. */
  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column({ type: 'varchar', length: 10 })
  level: ThreadSubscriptionLevel;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
