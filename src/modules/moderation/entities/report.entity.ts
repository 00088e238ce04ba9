import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReportTargetType } from '../report-targets';

export type ReportStatus = 'open' | 'resolved';
export type ReportAction = 'dismiss' | 'remove';

/** A member's report about a thread, reply or user of a group, and how a moderator resolved it. */
@Entity('reports')
@Index('ix_reports_group_id', ['groupId', 'id'])
@Index('ix_reports_group_status_id', ['groupId', 'status', 'id'])
@Index('ix_reports_target_status', ['targetType', 'targetId', 'status'])
// One OPEN report per reporter and target (a user is reported per group): open_marker is 1
// while open and NULL once resolved, and both SQLite and PostgreSQL let NULLs repeat in a
// unique index.
@Index('uq_reports_open_per_reporter', ['reporterId', 'targetType', 'targetId', 'groupId', 'openMarker'], { unique: true })
export class Report {
  /** ULID: newest first by id DESC. */
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 26 })
  groupId: string;

  @Column({ type: 'varchar', length: 26 })
  reporterId: string;

  @Column({ type: 'varchar', length: 10 })
  targetType: ReportTargetType;

  @Column({ type: 'varchar', length: 26 })
  targetId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 10 })
  status: ReportStatus;

  @Column({ type: 'integer', nullable: true })
  openMarker: 1 | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  action: ReportAction | null;

  /** The moderator's note; shown to moderators only. */
  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'varchar', length: 26, nullable: true })
  resolvedById: string | null;

  @Column({ type: Date, nullable: true })
  resolvedAt: Date | null;

  @Column()
  createdAt: Date;
}
