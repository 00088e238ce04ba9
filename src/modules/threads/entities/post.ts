import { Column, PrimaryColumn } from 'typeorm';

/**
 * What threads and replies share: authored markdown with its rendering, a score, an edit
 * history and a soft delete (the row stays; deletedById tells the author from a moderator).
 */
export abstract class Post {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 26 })
  authorId: string;

  /** Markdown as the author wrote it. */
  @Column({ type: 'text' })
  body: string;

  /** Sanitized rendering of `body`, made when the body is written (reads never render). */
  @Column({ type: 'text' })
  html: string;

  /** Sum of the votes, changed only by `score = score + delta` in the vote's transaction. */
  @Column({ type: 'integer', default: 0 })
  score: number;

  /** How many versions the revision history holds (1 = never edited). */
  @Column({ type: 'integer', default: 1 })
  revisionCount: number;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;

  /** Last edit; null when never edited. */
  @Column({ type: Date, nullable: true })
  editedAt: Date | null;

  @Column({ type: Date, nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'varchar', length: 26, nullable: true })
  deletedById: string | null;

  /** Why it was removed (moderators give one; authors may). */
  @Column({ type: 'text', nullable: true })
  deleteReason: string | null;
}
