import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type GroupVisibility = 'public' | 'private';
export type JoinPolicy = 'open' | 'approval' | 'invite';

@Entity('groups')
@Index('ix_groups_visibility_id', ['visibility', 'id'])
export class Group {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  /** URL-safe, unique; accepted wherever :groupId is. */
  @Index('uq_groups_slug', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  slug: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Markdown; members accept a version of it before posting. */
  @Column({ type: 'text', default: '' })
  rules: string;

  /** `rules` rendered and sanitized when written (reads never render). */
  @Column({ type: 'text', default: '' })
  rulesHtml: string;

  /** Raised each time the rules change; 0 while the group never had rules. */
  @Column({ type: 'integer', default: 0 })
  rulesVersion: number;

  @Column({ type: 'varchar', length: 10 })
  visibility: GroupVisibility;

  @Column({ type: 'varchar', length: 10 })
  joinPolicy: JoinPolicy;

  /** Active members, kept in the same transaction as every membership change. */
  @Column({ type: 'integer', default: 0 })
  memberCount: number;

  @Column({ type: 'varchar', length: 26 })
  createdById: string;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
