import { Injectable } from '@nestjs/common';

/**
 * Threads and replies as the HTTP API shows them, for event payloads. Provided by the threads
 * feature; until it is wired in, events about threads render as nothing and are not sent.
 */
@Injectable()
export class ContentViews {
  thread(_threadId: string): Promise<Record<string, unknown> | null> {
    return Promise.resolve(null);
  }

  reply(_replyId: string): Promise<Record<string, unknown> | null> {
    return Promise.resolve(null);
  }

  /** The group a thread belongs to, or null when there is no such thread (or it was deleted). */
  threadGroup(_threadId: string): Promise<string | null> {
    return Promise.resolve(null);
  }
}
