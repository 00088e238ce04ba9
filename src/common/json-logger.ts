import { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/config';

const RANK: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 };

/** Nest's own log lines as one JSON object per line, like Fastify's request logs beside them. */
export class JsonLogger implements LoggerService {
  private readonly min: number;

  constructor(level: LogLevel) {
    this.min = RANK[level];
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    const ctx = context ?? (stackOrContext && !stackOrContext.includes('\n') ? stackOrContext : undefined);
    const stack = stackOrContext?.includes('\n') ? stackOrContext : undefined;
    this.write('error', message, ctx, stack);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: Exclude<LogLevel, 'silent'>, message: unknown, context?: string, stack?: string): void {
    if (RANK[level] < this.min) return;
    const line = JSON.stringify({
      level: RANK[level],
      time: Date.now(),
      context,
      msg: typeof message === 'string' ? message : message instanceof Error ? message.message : JSON.stringify(message),
      ...(stack ? { stack } : {}),
    });
    (RANK[level] >= 50 ? process.stderr : process.stdout).write(line + '\n');
  }
}
