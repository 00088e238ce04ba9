import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type VoteTargetType = 'thread' | 'reply';

/** One user's vote on a thread or reply (value 0 once withdrawn: the row stays, see VotesRepository.set). */
@Entity('votes')
@Index('ix_votes_target', ['targetType', 'targetId'])
export class Vote {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  targetType: VoteTargetType;

  @PrimaryColumn({ type: 'varchar', length: 26 })
  targetId: string;

  /** 1, -1, or 0 for no vote. */
  @Column({ type: 'integer' })
  value: number;

  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
