/**
 * Operations of shared/API.md that the merged server does not describe yet (their features
 * are being built). Each entry disappears from use automatically once the generated
 * schema.ts has the route (types.ts prefers the generated one); delete it then.
 */
type Empty = Record<string, never>;
type Op<P, Q, B, R> = { params: P; query: Q; body: B; response: R };
type Page<T> = { items: T[]; nextCursor: string | null };
type PageQuery = { limit?: number; cursor?: string };
type G = { groupId: string };

export interface PUser {
  id: string;
  handle: string;
  displayName: string;
  headline: string;
}
export interface PNotification {
  id: string;
  kind: 'reply' | 'comment' | 'mention' | 'accepted';
  actor: PUser | null;
  groupId: string;
  threadId: string;
  replyId: string | null;
  threadTitle: string;
  excerpt: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}
type SubscriptionLevel = 'all' | 'questions' | 'mentions' | 'muted';

export interface ProvisionalEndpoints {
  'GET /api/me/notifications': Op<
    Empty,
    PageQuery & { unread?: boolean },
    undefined,
    Page<PNotification>
  >;
  'POST /api/me/notifications/read': Op<Empty, Empty, { ids?: string[] }, void>;
  'GET /api/groups/{groupId}/subscription': Op<
    G,
    Empty,
    undefined,
    { groupId: string; level: SubscriptionLevel }
  >;
  'PUT /api/groups/{groupId}/subscription': Op<
    G,
    Empty,
    { level: SubscriptionLevel },
    { groupId: string; level: SubscriptionLevel }
  >;
}
