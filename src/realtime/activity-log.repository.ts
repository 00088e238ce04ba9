import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, LessThan, Repository } from 'typeorm';
import { newId } from '../common/ids';
import { ActivityEvent, ActivityType } from './entities/activity-event.entity';

/** Arbitrary constant: the advisory lock that orders activity-log writes on PostgreSQL. */
const ACTIVITY_LOCK_KEY = 727_274_002;
/** The PostgreSQL NOTIFY channel that wakes every instance's tailer when new events commit. */
export const ACTIVITY_CHANNEL = 'kring_activity';
/** Sent as the NOTIFY payload, so an instance can skip its own commits (it wakes its tailer itself). */
export const INSTANCE_ID = newId();

export type NewActivityEvent = Omit<ActivityEvent, 'id' | 'createdAt'>;

/** Broadcast types a member hears because of the group, not a thread or a personal address. */
export const GROUP_BROADCAST_TYPES: ActivityType[] = ['question.created', 'thread.created'];
export const THREAD_BROADCAST_TYPES: ActivityType[] = ['reply.created', 'thread.updated', 'reply.updated'];

@Injectable()
export class ActivityLogRepository {
  constructor(@InjectRepository(ActivityEvent) private readonly events: Repository<ActivityEvent>) {}

  get onPostgres(): boolean {
    return this.events.manager.connection.options.type === 'postgres';
  }

  /**
   * Appends events inside the caller's transaction. On PostgreSQL a transaction-level advisory
   * lock is taken first, so ids are drawn and committed in the same order across the cluster:
   * once a reader sees id N, every smaller id is committed or rolled back for good, and a tailer
   * reading "id > last" never skips one. (SQLite serialises all units of work anyway.) The NOTIFY
   * is delivered to every instance when the transaction commits, and never if it rolls back.
   */
  async append(manager: EntityManager, rows: NewActivityEvent[]): Promise<void> {
    if (!rows.length) return;
    const postgres = manager.connection.options.type === 'postgres';
    if (postgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [ACTIVITY_LOCK_KEY]);
    const createdAt = new Date();
    await manager.getRepository(ActivityEvent).insert(rows.map((r) => ({ ...r, createdAt })));
    if (postgres) await manager.query('SELECT pg_notify($1, $2)', [ACTIVITY_CHANNEL, INSTANCE_ID]);
  }

  async latestId(manager?: EntityManager): Promise<number> {
    const row = await (manager ? manager.getRepository(ActivityEvent) : this.events)
      .createQueryBuilder('e').select('MAX(e.id)', 'max').getRawOne<{ max: number | string | null }>();
    return row?.max == null ? 0 : Number(row.max);
  }

  /** The events after `afterId`, oldest first. */
  async findAfter(afterId: number, limit: number, manager?: EntityManager): Promise<ActivityEvent[]> {
    const rows = await (manager ? manager.getRepository(ActivityEvent) : this.events)
      .createQueryBuilder('e')
      .where('e.id > :afterId', { afterId })
      .orderBy('e.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(normalise);
  }

  /**
   * The events in (afterId, upToId] that may concern `userId`: addressed to them, broadcast to a
   * group they are an active member of, or about a thread they watch. The caller still filters
   * each one against the user's current membership and subscription levels.
   */
  async findForUser(userId: string, groupIds: string[], afterId: number, upToId: number, limit: number): Promise<ActivityEvent[]> {
    const qb = this.events
      .createQueryBuilder('e')
      .where('e.id > :afterId AND e.id <= :upToId', { afterId, upToId })
      .andWhere(
        new Brackets((w) => {
          w.where('e.user_id = :userId', { userId });
          if (groupIds.length) {
            w.orWhere('(e.type IN (:...groupTypes) AND e.group_id IN (:...groupIds))', { groupTypes: GROUP_BROADCAST_TYPES, groupIds });
          }
          // thread_subscriptions belongs to the notifications module; a sub-select keeps this one query.
          w.orWhere(
            `(e.type IN (:...threadTypes) AND e.thread_id IN (SELECT s.thread_id FROM thread_subscriptions s WHERE s.user_id = :userId AND s.level = 'watching'))`,
            { threadTypes: THREAD_BROADCAST_TYPES },
          );
        }),
      )
      .orderBy('e.id', 'ASC')
      .limit(limit);
    return (await qb.getMany()).map(normalise);
  }

  /** Deletes events older than `cutoff`; returns how many went. */
  async deleteOlderThan(manager: EntityManager, cutoff: Date): Promise<number> {
    const res = await manager.getRepository(ActivityEvent).delete({ createdAt: LessThan(cutoff) });
    return res.affected ?? 0;
  }
}

/** PostgreSQL may hand integer ids back as strings; the rest of the code counts on numbers. */
function normalise(e: ActivityEvent): ActivityEvent {
  e.id = Number(e.id);
  return e;
}
