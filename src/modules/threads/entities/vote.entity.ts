import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type VoteTargetType = 'thread' | 'reply';

/** One user's vote on a thread or reply; the row is gone when the vote is withdrawn. */
@Entity('votes')
@Index('ix_votes_target', ['targetType', 'targetId'])
export class Vote {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  targetType: VoteTargetType;

  @PrimaryColumn({ type: 'varchar', length: 26 })
  targetId: string;

  /** 1 or -1 (0 only for the instant a vote is being changed). */
  @Column({ type: 'integer' })
  value: number;

  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
