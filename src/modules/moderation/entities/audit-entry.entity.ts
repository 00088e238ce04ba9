import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One moderator or owner action, written in the same transaction as the action itself. */
@Entity('audit_entries')
@Index('ix_audit_entries_group_id', ['groupId', 'id'])
export class AuditEntry {
  /** ULID: orders entries by time, newest first by id DESC. */
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column({ type: 'varchar', length: 26 })
  actorId: string;

  /** e.g. member.approve, member.reject, member.invite, member.role, member.ban, member.unban,
   * group.update, group.rules, report.dismiss, report.remove, thread.lock, thread.pin, thread.remove, reply.remove */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 10 })
  targetType: 'group' | 'user' | 'thread' | 'reply' | 'report' | 'event';

  @Column({ type: 'varchar', length: 26 })
  targetId: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Extra facts of the action (e.g. { from: 'member', to: 'moderator' }), as JSON. */
  @Column({ type: 'text', nullable: true })
  data: string | null;

  @Column()
  createdAt: Date;
}
