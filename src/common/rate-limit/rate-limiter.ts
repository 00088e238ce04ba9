import { HttpException, HttpStatus, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';

export interface RateLimitRule {
  /** Tries allowed per window. */
  limit: number;
  windowMs: number;
}

interface Hit {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters. In memory for one process; on Redis when REDIS_URL is set so that
 * several instances share one budget per key.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly memory = new Map<string, Hit>();
  private readonly redis: Redis | null;
  private sweepAt = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true })
      : null;
    this.redis?.on('error', () => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /** Counts one try against `key`; throws 429 with Retry-After when over the limit. */
  async hit(key: string, rule: RateLimitRule, what: string): Promise<void> {
    const { count, resetAt } = await this.increment(key, rule.windowMs);
    if (count > rule.limit) {
      const retryAfter = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
      throw new RateLimitedException(retryAfter, `too many ${what}; try again in ${retryAfter} s`);
    }
  }

  private async increment(key: string, windowMs: number): Promise<Hit> {
    if (this.redis) {
      try {
        const res = (await this.redis.eval(
          "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return {c, redis.call('PTTL', KEYS[1])}",
          1,
          `kring:rl:${key}`,
          String(windowMs),
        )) as [number, number];
        return { count: res[0], resetAt: Date.now() + Math.max(0, res[1]) };
      } catch {
        // Redis unreachable: fall back to this process's own counters rather than refusing everyone.
      }
    }
    const now = Date.now();
    if (now > this.sweepAt) {
      for (const [k, v] of this.memory) if (v.resetAt <= now) this.memory.delete(k);
      this.sweepAt = now + 60_000;
    }
    let hit = this.memory.get(key);
    if (!hit || hit.resetAt <= now) {
      hit = { count: 0, resetAt: now + windowMs };
      this.memory.set(key, hit);
    }
    hit.count++;
    return { ...hit };
  }
}

/** 429; the exception filter copies `retryAfter` into the Retry-After header. */
export class RateLimitedException extends HttpException {
  constructor(
    readonly retryAfter: number,
    message: string,
  ) {
    super({ statusCode: 429, error: 'Too Many Requests', message }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
