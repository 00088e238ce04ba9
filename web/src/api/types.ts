import type { ProvisionalEndpoints } from './provisional';
import type { Endpoints } from './schema';

/** The generated operations, plus provisional ones for features not merged yet. */
export type AllEndpoints = Endpoints & Omit<ProvisionalEndpoints, keyof Endpoints>;
export type AnyRoute = keyof AllEndpoints & string;

export type ResponseOf<R extends AnyRoute> = AllEndpoints[R]['response'];
export type BodyOf<R extends AnyRoute> = AllEndpoints[R]['body'];
type ItemOf<P> = P extends { items: (infer I)[] } ? I : never;

// The client names its data by what an operation answers, not by the server's class names.
export type Me = ResponseOf<'GET /api/me'>;
export type UserProfile = ResponseOf<'GET /api/users/{userId}'>;
export type Group = ResponseOf<'GET /api/groups/{groupId}'>;
export type GroupSummary = ItemOf<ResponseOf<'GET /api/groups'>>;
export type Membership = NonNullable<Group['membership']>;
export type Member = ItemOf<ResponseOf<'GET /api/groups/{groupId}/members'>>;
export type Role = Member['role'];
export type Thread = ResponseOf<'GET /api/threads/{threadId}'>;
export type ThreadSummary = ItemOf<ResponseOf<'GET /api/groups/{groupId}/threads'>>;
export type FeedItem = ItemOf<ResponseOf<'GET /api/me/feed'>>;
/** An answer (top-level reply) as listed, with its first comments. */
export type Answer = ItemOf<ResponseOf<'GET /api/threads/{threadId}/replies'>>;
/** Any reply: an answer or a comment on one. */
export type Reply = ResponseOf<'GET /api/replies/{replyId}'>;
export type Revision = ItemOf<ResponseOf<'GET /api/threads/{threadId}/revisions'>>;
export type Report = ItemOf<ResponseOf<'GET /api/groups/{groupId}/reports'>>;
export type AuditEntry = ItemOf<ResponseOf<'GET /api/groups/{groupId}/audit-log'>>;
export type ThreadKind = Thread['kind'];
export type VoteValue = -1 | 0 | 1;
export type Notification = ItemOf<ResponseOf<'GET /api/me/notifications'>>;
export type SubscriptionLevel = ResponseOf<'GET /api/groups/{groupId}/subscription'>['level'];
export type ThreadSubscriptionLevel =
  ResponseOf<'GET /api/threads/{threadId}/subscription'>['level'];
