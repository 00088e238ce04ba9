/**
 * The typed map of domain events: what happened, with ids only. Features emit them inside a
 * unit of work (tx.emit); the bus hands them to "committing" handlers inside the same
 * transaction (the realtime activity log) and to "committed" handlers after the commit
 * (notifications, realtime delivery, search index). `actorId` is who caused it: audiences
 * exclude the actor.
 */
export interface DomainEventMap {
  'user.registered': { userId: string };

  /** A membership row changed status or role (join, approve, reject, invite, ban, unban, leave, role). */
  'membership.changed': { groupId: string; userId: string; status: string; role: string };
  'group.updated': { groupId: string; rulesChanged: boolean };

  'thread.created': { groupId: string; threadId: string; kind: 'question' | 'discussion' | 'announcement'; authorId: string };
  /** Anything visible about a thread changed. */
  'thread.updated': {
    groupId: string;
    threadId: string;
    change: 'edit' | 'lock' | 'unlock' | 'pin' | 'unpin' | 'accept' | 'delete' | 'remove';
  };
  'reply.created': { groupId: string; threadId: string; replyId: string; authorId: string; parentReplyId: string | null };
  'reply.updated': { groupId: string; threadId: string; replyId: string; change: 'edit' | 'delete' | 'remove' };

  'report.created': { groupId: string; reportId: string };
  'report.resolved': { groupId: string; reportId: string; action: 'dismiss' | 'remove' };
}

export type DomainEventType = keyof DomainEventMap;

export type DomainEvent<K extends DomainEventType = DomainEventType> = {
  [P in K]: { type: P; actorId: string | null; occurredAt: Date } & DomainEventMap[P];
}[K];

export function domainEvent<K extends DomainEventType>(
  type: K,
  actorId: string | null,
  data: DomainEventMap[K],
): DomainEvent<K> {
  return { type, actorId, occurredAt: new Date(), ...data } as DomainEvent<K>;
}
