import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { DomainEvent } from '../domain-events/domain-events';
import { isRetryableTransactionError } from './db-errors';

/** What a unit of work gets: the transaction's EntityManager and a way to raise domain events. */
export interface Tx {
  manager: EntityManager;
  emit(event: DomainEvent): void;
}

/**
 * Every write that touches the store goes through run(): one transaction, domain events
 * handed to committing handlers inside it and published after it commits.
 *
 * On SQLite TypeORM shares one connection (and one query runner) between concurrent
 * requests, so a transaction that starts while another is open runs *inside* it, and a
 * rollback of one erases the other's acknowledged writes. run() therefore serialises
 * units of work on SQLite through a promise-chain mutex. Work inside run() must await
 * nothing but the database, so the queue stays short. PostgreSQL has a connection pool and
 * real isolation: units run concurrently and are retried on serialization failures.
 */
@Injectable()
export class UnitOfWork {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serialized: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: DomainEventBus,
  ) {
    this.serialized = dataSource.options.type !== 'postgres';
  }

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const events: DomainEvent[] = [];
    const attempt = async (): Promise<T> => {
      events.length = 0;
      return this.dataSource.transaction(async (manager) => {
        const result = await work({ manager, emit: (e) => events.push(e) });
        await this.bus.runCommitting(manager, events);
        return result;
      });
    };
    const result = this.serialized ? await this.exclusive(attempt) : await this.withRetry(attempt);
    this.bus.publish([...events]);
    return result;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async withRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await fn();
      } catch (err) {
        if (i >= 4 || !isRetryableTransactionError(err)) throw err;
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (i + 1)));
      }
    }
  }
}
