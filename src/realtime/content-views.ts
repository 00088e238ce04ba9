import { Injectable } from '@nestjs/common';
import { ThreadsService } from '../modules/threads/threads.service';

/**
 * Threads and replies as the HTTP API shows them (to an anonymous viewer: no per-user fields),
 * for event payloads. A deleted thread comes with its body blanked.
 */
@Injectable()
export class ContentViews {
  constructor(private readonly threads: ThreadsService) {}

  async thread(threadId: string): Promise<Record<string, unknown> | null> {
    return (await this.threads.threadView(threadId, null)) as unknown as Record<string, unknown> | null;
  }

  async reply(replyId: string): Promise<Record<string, unknown> | null> {
    return (await this.threads.replyView(replyId, null)) as unknown as Record<string, unknown> | null;
  }
}
