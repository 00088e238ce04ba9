import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { ClientCommand, ClientReport } from './socket-clients';
import { ROOT } from './processes';

type Report<T extends ClientReport['type']> = Extract<ClientReport, { type: T }>;

/** The socket.io client process (bench/lib/socket-clients.ts), seen from the benchmark. */
export class SocketClients {
  private readonly child: ChildProcess;
  private readonly waiting: { type: string; key?: string; resolve: (r: ClientReport) => void }[] =
    [];
  private readonly early: ClientReport[] = [];

  constructor() {
    this.child = fork(join(ROOT, 'scripts/ts-run.js'), [join(__dirname, 'socket-clients.ts')], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (r: ClientReport) => {
      const i = this.waiting.findIndex(
        (w) =>
          w.type === r.type && (w.key === undefined || (r.type === 'delivered' && r.key === w.key)),
      );
      if (i >= 0) this.waiting.splice(i, 1)[0].resolve(r);
      else this.early.push(r);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  private next<T extends ClientReport['type']>(
    type: T,
    key: string | undefined,
    timeoutMs: number,
  ): Promise<Report<T>> {
    const j = this.early.findIndex(
      (r) => r.type === type && (key === undefined || (r.type === 'delivered' && r.key === key)),
    );
    if (j >= 0) return Promise.resolve(this.early.splice(j, 1)[0] as Report<T>);
    return new Promise((resolve, reject) => {
      const w = {
        type,
        key,
        resolve: (r: ClientReport) => (clearTimeout(timer), resolve(r as Report<T>)),
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(w), 1);
        reject(new Error(`no ${type}${key ? ` for ${key}` : ''} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.push(w);
    });
  }

  private send(c: ClientCommand): void {
    this.child.send(c);
  }

  /** Connects one socket per token (null: no token, for the bare baseline). */
  connect(
    url: string,
    tokens: (string | null)[],
    opts: { lastEventIds?: number[]; expectPerSocket?: number; concurrency?: number } = {},
  ): Promise<Report<'connected'>> {
    this.early.length = 0;
    this.send({
      cmd: 'connect',
      url,
      tokens,
      concurrency: opts.concurrency ?? 100,
      lastEventIds: opts.lastEventIds,
      expectPerSocket: opts.expectPerSocket,
    });
    return this.next('connected', undefined, 600_000);
  }

  /** Resolves when every socket has received the event about `key` (a thread id). */
  delivered(key: string, timeoutMs = 30_000): Promise<Report<'delivered'>> {
    return this.next('delivered', key, timeoutMs);
  }

  caughtUp(timeoutMs = 120_000): Promise<Report<'caughtUp'>> {
    return this.next('caughtUp', undefined, timeoutMs);
  }

  /** Closes every socket; answers what they had received. */
  async disconnect(): Promise<Report<'stats'>> {
    this.send({ cmd: 'disconnect' });
    const stats = await this.next('stats', undefined, 60_000);
    await this.next('disconnected', undefined, 60_000);
    return stats;
  }

  async exit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    this.child.send({ cmd: 'exit' } satisfies ClientCommand);
    await gone;
  }
}
