import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ActivityDelivery } from './activity-delivery';
import { ACTIVITY_CHANNEL, INSTANCE_ID } from './activity-log.repository';
import { ActivityLogService } from './activity-log.service';

const BATCH = 200;
/** While the PostgreSQL listener is down, read the log this often (another instance's commits send no local wake-up). */
const POLL_MS = 2000;
const LISTEN_RETRY_MS = 2000;
/** After a failed read (the database away for a moment), try again this soon. */
const RETRY_MS = 1000;

/**
 * Follows the shared activity log on this instance and hands new events to ActivityDelivery in
 * id order. Every instance runs one; each delivers to its own sockets only. Woken after a local
 * commit, and on PostgreSQL by NOTIFY for commits on other instances (with a slow poll while the
 * listening connection is down). Idle, it sends no query at all.
 *
 * `position` is the id of the last event delivered here: every event up to it has been emitted
 * (or skipped); the catch-up of a reconnecting socket relies on that.
 */
@Injectable()
export class ActivityTailer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ActivityTailer');
  position = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private listener: Client | null = null;
  private listening = false;
  private unsubscribe: (() => void) | null = null;
  private readonly waiters = new Set<{ id: number; resolve: () => void }>();

  constructor(
    private readonly activity: ActivityLogService,
    private readonly delivery: ActivityDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Events before this instance started are not pushed live; clients resume them with lastEventId.
    this.position = await this.activity.latestId();
    this.unsubscribe = this.activity.onCommitted(() => this.wake());
    if (this.config.database.kind === 'postgres') {
      this.pollTimer = setInterval(() => {
        if (!this.listening) void this.wake();
      }, POLL_MS);
      this.pollTimer.unref();
      this.listen(this.config.database.url);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.pollTimer) clearInterval(this.pollTimer);
    for (const w of this.waiters) w.resolve();
    this.waiters.clear();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.running;
  }

  /**
   * Reads and delivers whatever is new; coalesces wake-ups that arrive while it runs. Resolves
   * when everything committed before the call has been delivered here.
   */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves once events up to `id` have been delivered here (or the tailer stops). */
  reached(id: number): Promise<void> {
    if (this.position >= id || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ id, resolve }));
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        for (;;) {
          const events = await this.activity.findAfter(this.position, BATCH);
          if (!events.length || this.stopped) break;
          await this.delivery.deliver(events);
          // No await between the emits above and this line: position and sockets agree.
          this.advance(events[events.length - 1].id);
          if (events.length < BATCH) break;
        }
      } while (this.again && !this.stopped);
    } catch (err) {
      if (this.stopped) return;
      this.logger.warn(`reading the activity log failed (retrying in ${RETRY_MS} ms): ${(err as Error).message}`);
      setTimeout(() => void this.wake(), RETRY_MS).unref();
    }
  }

  private advance(id: number): void {
    this.position = id;
    for (const w of this.waiters) {
      if (w.id <= id) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  /** LISTEN on a connection of its own (not one of the pool's), reconnecting when it drops. */
  private listen(url: string): void {
    if (this.stopped) return;
    const client = new Client({ connectionString: url });
    const retry = () => {
      if (this.listener !== client || this.stopped) return;
      this.listener = null;
      this.listening = false;
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      setTimeout(() => this.listen(url), LISTEN_RETRY_MS).unref();
    };
    this.listener = client;
    client.on('notification', (msg) => {
      if (msg.payload !== INSTANCE_ID) void this.wake();
    });
    client.on('error', (err) => {
      this.logger.warn(`activity listener lost its connection: ${err.message}`);
      retry();
    });
    client.on('end', retry);
    client
      .connect()
      .then(() => client.query(`LISTEN ${ACTIVITY_CHANNEL}`))
      .then(() => {
        this.listening = this.listener === client;
        return this.wake();
      })
      .catch((err: Error) => {
        this.logger.warn(`cannot LISTEN for activity: ${err.message}`);
        retry();
      });
  }
}
