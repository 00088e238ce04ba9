import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  /** Normalised: trimmed, lower-case. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  /** What @mentions name: ^[a-z0-9_]{3,30}$, unique. */
  @Index('uq_users_handle', { unique: true })
  @Column({ type: 'varchar', length: 30 })
  handle: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  headline: string;

  @Column({ type: 'text', default: '' })
  bio: string;

  /** Raised on logout: every token issued before carries an older version and stops working. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
