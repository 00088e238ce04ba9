import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvent, DomainEventType } from './domain-events';

type CommittingHandler = (manager: EntityManager, events: DomainEvent[]) => Promise<void>;
type CommittedHandler<K extends DomainEventType> = (event: DomainEvent<K>) => Promise<void> | void;

/**
 * In-process bus. Committing handlers run inside the transaction that produced the events
 * (so what they write commits or rolls back with the change); committed handlers run after
 * the commit, never block the request that caused them, and a failing one is logged.
 */
@Injectable()
export class DomainEventBus {
  private readonly logger = new Logger('DomainEventBus');
  private readonly committing: CommittingHandler[] = [];
  private readonly committed = new Map<DomainEventType, CommittedHandler<DomainEventType>[]>();
  private inFlight = new Set<Promise<void>>();

  /** Register a handler that runs inside the transaction, with all events of the unit of work. */
  onCommitting(handler: CommittingHandler): void {
    this.committing.push(handler);
  }

  /** Register a handler that runs after the transaction committed. */
  on<K extends DomainEventType>(type: K, handler: CommittedHandler<K>): void {
    const list = this.committed.get(type) ?? [];
    list.push(handler as CommittedHandler<DomainEventType>);
    this.committed.set(type, list);
  }

  async runCommitting(manager: EntityManager, events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const handler of this.committing) await handler(manager, events);
  }

  /** Dispatch committed events; returns at once, the handlers run on the next tick. */
  publish(events: DomainEvent[]): void {
    if (events.length === 0) return;
    const run = (async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const event of events) {
        for (const handler of this.committed.get(event.type) ?? []) {
          try {
            await handler(event);
          } catch (err) {
            this.logger.error(`handler for ${event.type} failed: ${(err as Error).stack ?? String(err)}`);
          }
        }
      }
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  /** Resolves when every dispatched event has been handled (shutdown and tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
