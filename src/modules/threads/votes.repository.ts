import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Vote, VoteTargetType } from './entities/vote.entity';

export interface VoteKey {
  userId: string;
  targetType: VoteTargetType;
  targetId: string;
}

@Injectable()
export class VotesRepository {
  constructor(@InjectRepository(Vote) private readonly votes: Repository<Vote>) {}

  /**
   * The caller's current vote on a target (0 when none), with the vote row locked until the
   * transaction ends. The row is created first (ON CONFLICT DO NOTHING) so that two
   * concurrent votes of one user on PostgreSQL queue on the same row instead of both
   * reading "no vote yet"; SQLite serialises units of work anyway.
   */
  async lockCurrent(
    manager: EntityManager,
    key: VoteKey,
    groupId: string,
    now: Date,
  ): Promise<number> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Vote)
      .values({ ...key, value: 0, groupId, createdAt: now, updatedAt: now })
      .orIgnore()
      .execute();
    const qb = manager
      .getRepository(Vote)
      .createQueryBuilder('v')
      .where(
        'v.user_id = :userId AND v.target_type = :targetType AND v.target_id = :targetId',
        key,
      );
    if (manager.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    return row?.value ?? 0;
  }

  /**
   * Stores the vote on the row lockCurrent() locked. A withdrawn vote stays as value 0: were
   * the row deleted, a concurrent vote of the same user waiting on its lock would find
   * nothing to update and the score would drift from the votes.
   */
  async set(manager: EntityManager, key: VoteKey, value: number, now: Date): Promise<void> {
    await manager.getRepository(Vote).update(key, { value, updatedAt: now });
  }

  /** The viewer's votes on many targets of one type, in one query. */
  async viewerVotes(
    userId: string | null,
    targetType: VoteTargetType,
    targetIds: string[],
  ): Promise<Map<string, number>> {
    const map = new Map<string, number>();
    if (!userId || !targetIds.length) return map;
    const rows = await this.votes.find({
      where: { userId, targetType, targetId: In(targetIds) },
      select: { targetId: true, value: true },
    });
    for (const r of rows) map.set(r.targetId, r.value);
    return map;
  }
}
