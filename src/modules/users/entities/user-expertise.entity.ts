import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { User } from './user.entity';

/** A declared expertise tag of a user; one row per (user, tag) so experts can be found by tag. */
@Entity('user_expertise')
@Index('ix_user_expertise_tag', ['tag', 'userId'])
export class UserExpertise {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  tag: string;

  /** Position in the user's own list, so the profile shows tags in the order given. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
