import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A tag of a thread, one row each, so feeds, search and experts can filter by tag. */
@Entity('thread_tags')
@Index('ix_thread_tags_group_tag', ['groupId', 'tag', 'threadId'])
export class ThreadTag {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  threadId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  tag: string;

  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  /** Position in the author's list, so tags show in the order given. */
  @Column({ type: 'integer', default: 0 })
  position: number;
}
