import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { DomainEvent, DomainEventType } from '../domain-events/domain-events';
import { UnitOfWork } from '../database/unit-of-work';
import { ActivityEvent } from './entities/activity-event.entity';
import { ActivityLogRepository, NewActivityEvent } from './activity-log.repository';

/** Domain events that become real-time events. */
const LOGGED: DomainEventType[] = ['membership.changed', 'thread.created', 'thread.updated', 'reply.created', 'reply.updated'];

const PRUNE_EVERY_MS = 10 * 60 * 1000;

/** The real-time events a committed domain event stands for (ids only; payloads are rendered at delivery). */
export function activityFor(e: DomainEvent): NewActivityEvent[] {
  const none = { groupId: null, threadId: null, userId: null, actorId: e.actorId, refId: null, data: null };
  switch (e.type) {
    case 'membership.changed':
      return [{ ...none, type: 'membership.changed', groupId: e.groupId, userId: e.userId, data: JSON.stringify({ status: e.status, role: e.role }) }];
    case 'thread.created': {
      const base = { ...none, groupId: e.groupId, threadId: e.threadId, actorId: e.actorId ?? e.authorId, data: JSON.stringify({ kind: e.kind }) };
      // A question is pushed to members at level `questions` and `all`; every new thread (questions too) to level `all`.
      return e.kind === 'question' ? [{ ...base, type: 'question.created' }, { ...base, type: 'thread.created' }] : [{ ...base, type: 'thread.created' }];
    }
    case 'thread.updated':
      return [{ ...none, type: 'thread.updated', groupId: e.groupId, threadId: e.threadId, data: JSON.stringify({ change: e.change }) }];
    case 'reply.created':
      return [
        {
          ...none,
          type: 'reply.created',
          groupId: e.groupId,
          threadId: e.threadId,
          refId: e.replyId,
          actorId: e.actorId ?? e.authorId,
          data: JSON.stringify({ parentReplyId: e.parentReplyId }),
        },
      ];
    case 'reply.updated':
      return [{ ...none, type: 'reply.updated', groupId: e.groupId, threadId: e.threadId, refId: e.replyId, data: JSON.stringify({ change: e.change }) }];
    default:
      return [];
  }
}

/**
 * Writes the durable activity log: inside the transaction of the change (a "committing"
 * handler of the domain event bus), so an event exists exactly when its change committed.
 * After the commit it wakes the local tailer (other instances hear PostgreSQL's NOTIFY).
 * Old events are pruned after ACTIVITY_RETENTION_HOURS.
 */
@Injectable()
export class ActivityLogService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ActivityLog');
  private readonly listeners = new Set<() => Promise<void>>();
  private pruneTimer: NodeJS.Timeout | null = null;
  private pruning: Promise<number> | null = null;

  constructor(
    private readonly repo: ActivityLogRepository,
    private readonly bus: DomainEventBus,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.bus.onCommitting((manager, events) => this.repo.append(manager, events.flatMap(activityFor)));
    for (const type of LOGGED) this.bus.on(type, () => this.committed());
  }

  onApplicationBootstrap(): void {
    const prune = () => {
      this.pruning ??= this.prune().finally(() => (this.pruning = null));
    };
    this.pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
    this.pruneTimer.unref();
    prune();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.pruning;
  }

  /** Appends events inside a unit of work (for features that make their own, e.g. notifications). Call committed() after it. */
  append(manager: EntityManager, rows: NewActivityEvent[]): Promise<void> {
    return this.repo.append(manager, rows);
  }

  /** The committed events after `afterId`, oldest first. */
  findAfter(afterId: number, limit: number): Promise<ActivityEvent[]> {
    return this.committedRead((manager) => this.repo.findAfter(afterId, limit, manager));
  }

  /** The id of the newest committed event (0 when the log is empty). */
  latestId(): Promise<number> {
    return this.committedRead((manager) => this.repo.latestId(manager));
  }

  /**
   * On SQLite every request shares one connection, so a plain read can run inside another
   * request's open transaction and see rows that may still roll back (and whose ids SQLite
   * would then hand out again). Reads that decide what counts as delivered therefore take
   * their turn in the unit-of-work queue, between transactions. PostgreSQL reads see
   * committed rows only.
   */
  private committedRead<T>(read: (manager?: EntityManager) => Promise<T>): Promise<T> {
    return this.repo.onPostgres ? read() : this.uow.run((tx) => read(tx.manager));
  }

  /**
   * Tells local listeners (the tailer) that events were committed; resolves when they have
   * handled them, so draining the domain event bus also waits for local delivery.
   */
  async committed(): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener()));
  }

  onCommitted(listener: () => Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Deletes events older than the retention; returns how many. */
  async prune(now = new Date()): Promise<number> {
    try {
      const cutoff = new Date(now.getTime() - this.config.activityRetentionHours * 3600_000);
      const n = await this.uow.run((tx) => this.repo.deleteOlderThan(tx.manager, cutoff));
      if (n) this.logger.log(`pruned ${n} activity event(s) older than ${cutoff.toISOString()}`);
      return n;
    } catch (err) {
      this.logger.warn(`pruning the activity log failed: ${(err as Error).message}`);
      return 0;
    }
  }
}
