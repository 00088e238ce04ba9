import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type GroupRole = 'owner' | 'moderator' | 'member';
/**
 * active: a member. pending: applied to an approval group. invited: may join an invite group.
 * rejected: application turned down (may apply again). banned: no access, cannot rejoin.
 * left: was a member or was unbanned; may join again.
 */
export type MembershipStatus = 'active' | 'pending' | 'invited' | 'rejected' | 'banned' | 'left';
/** all: every new thread; questions: new questions (the default); mentions: only @mentions; muted: nothing. */
export type SubscriptionLevel = 'all' | 'questions' | 'mentions' | 'muted';

@Entity('memberships')
@Index('ix_memberships_user_status', ['userId', 'status', 'groupId'])
@Index('ix_memberships_group_status_role', ['groupId', 'status', 'role', 'userId'])
@Index('ix_memberships_group_status_user', ['groupId', 'status', 'userId'])
export class Membership {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  groupId: string;

  @PrimaryColumn({ type: 'varchar', length: 26 })
  userId: string;

  @Column({ type: 'varchar', length: 10, default: 'member' })
  role: GroupRole;

  @Column({ type: 'varchar', length: 10 })
  status: MembershipStatus;

  /** The rules version this member last accepted (0: none). */
  @Column({ type: 'integer', default: 0 })
  acceptedRulesVersion: number;

  @Column({ type: 'varchar', length: 10, default: 'questions' })
  subscriptionLevel: SubscriptionLevel;

  /** Shown to a banned user: why they lost access. */
  @Column({ type: 'text', nullable: true })
  banReason: string | null;

  @Column({ type: 'varchar', length: 26, nullable: true })
  invitedById: string | null;

  /** When the membership last became active. */
  // `type: Date` lets each dialect pick its own timestamp type (datetime / timestamp).
  @Column({ type: Date, nullable: true })
  joinedAt: Date | null;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
