import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/unit-of-work';

export type ReportTargetType = 'thread' | 'reply' | 'user';

/** What moderation needs to know about reported content. */
export interface ReportTargetHandler {
  /** The group the content belongs to and its author, or null when it does not exist (or is already removed). */
  locate(targetId: string): Promise<{ groupId: string; authorId: string } | null>;
  /** Removes the content (soft delete, with reason) inside the moderator's transaction; audit-logs it. */
  remove(tx: Tx, targetId: string, actorId: string, reason: string | null): Promise<void>;
}

/**
 * The features that own reportable content (threads, replies) register here at start-up,
 * so moderation can resolve reports about them without importing those features.
 */
@Injectable()
export class ReportTargetRegistry {
  private readonly handlers = new Map<ReportTargetType, ReportTargetHandler>();

  register(type: ReportTargetType, handler: ReportTargetHandler): void {
    this.handlers.set(type, handler);
  }

  get(type: ReportTargetType): ReportTargetHandler | undefined {
    return this.handlers.get(type);
  }
}
