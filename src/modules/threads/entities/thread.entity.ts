import { Column, Entity, Index } from 'typeorm';
import { Post } from './post';

export type ThreadKind = 'question' | 'discussion' | 'announcement';
export const THREAD_KINDS: ThreadKind[] = ['question', 'discussion', 'announcement'];

/** Stores a boolean as 0/1 so keyset comparisons on it read the same on SQLite and PostgreSQL. */
export const booleanAsInteger = {
  to: (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0),
  from: (v: number | boolean | null) => v === 1 || v === true,
};

/**
 * A question, discussion or announcement in a group. Every feed sort has its index, each
 * starting with (group_id, pinned) because pinned threads list first. Deleted threads keep
 * their row (soft delete) and drop out of every feed.
 */
@Entity('threads')
@Index('ix_threads_group_latest', ['groupId', 'pinned', 'createdAt', 'id'])
@Index('ix_threads_group_active', ['groupId', 'pinned', 'lastActivityAt', 'id'])
@Index('ix_threads_group_top', ['groupId', 'pinned', 'score', 'createdAt', 'id'])
@Index('ix_threads_group_kind_latest', ['groupId', 'kind', 'pinned', 'createdAt', 'id'])
@Index('ix_threads_group_unanswered', [
  'groupId',
  'kind',
  'replyCount',
  'pinned',
  'createdAt',
  'id',
])
@Index('ix_threads_latest', ['createdAt', 'id'])
@Index('ix_threads_active', ['lastActivityAt', 'id'])
@Index('ix_threads_author', ['authorId', 'createdAt'])
export class Thread extends Post {
  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: ThreadKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Replies (answers and comments) not deleted; kept in the same transaction as each change. */
  @Column({ type: 'integer', default: 0 })
  replyCount: number;

  @Column({ type: 'varchar', length: 26, nullable: true })
  acceptedReplyId: string | null;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  // No column default: TypeORM would read a default back after INSERT on PostgreSQL and
  // assign it past the transformer (pinned: 0 instead of false).
  @Column({ type: 'integer', transformer: booleanAsInteger })
  pinned: boolean;

  /** Creation or the newest reply, whichever is later (the `active` sort). */
  @Column()
  lastActivityAt: Date;
}
