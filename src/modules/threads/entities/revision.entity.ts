import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RevisionTargetType = 'thread' | 'reply';

/**
 * One version of a thread or reply as it was written: revision 1 is the original, each edit
 * adds the next. Nothing is ever overwritten, so the full history can be shown.
 */
@Entity('revisions')
@Index('uq_revisions_target_revision', ['targetType', 'targetId', 'revision'], { unique: true })
export class Revision {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 10 })
  targetType: RevisionTargetType;

  @Column({ type: 'varchar', length: 26 })
  targetId: string;

  @Column({ type: 'integer' })
  revision: number;

  /** Threads only. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  body: string;

  /** Threads only: the tags of this version, as a JSON array. */
  @Column({ type: 'text', nullable: true })
  tags: string | null;

  @Column({ type: 'varchar', length: 26 })
  editorId: string;

  @Column()
  createdAt: Date;
}
