/**
 * Operations of shared/API.md that the merged server does not describe yet (their features
 * are being built). Each entry disappears from use automatically once the generated
 * schema.ts has the route (types.ts prefers the generated one); delete it then.
 */
type Empty = Record<string, never>;
type Op<P, Q, B, R> = { params: P; query: Q; body: B; response: R };
type Page<T> = { items: T[]; nextCursor: string | null };
type PageQuery = { limit?: number; cursor?: string };

export interface PUser {
  id: string;
  handle: string;
  displayName: string;
  headline: string;
}
export type PRole = 'owner' | 'moderator' | 'member';
export type PStatus = 'active' | 'pending' | 'invited' | 'rejected' | 'banned' | 'left';
export interface PGroup {
  id: string;
  slug: string;
  name: string;
  description: string;
  rules: string;
  rulesHtml: string;
  rulesVersion: number;
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'approval' | 'invite';
  memberCount: number | null;
  createdAt: string;
  membership: { role: PRole; status: PStatus; acceptedRulesVersion: number; banReason: string | null } | null;
}
export interface PMember {
  user: PUser;
  role: PRole;
  status: PStatus;
  joinedAt: string | null;
  acceptedRulesVersion?: number;
  banReason?: string | null;
}
export interface PGroupRef {
  id: string;
  slug: string;
  name: string;
}
export interface PThread {
  id: string;
  groupId: string;
  group: PGroupRef;
  kind: 'question' | 'discussion' | 'announcement';
  title: string;
  body: string;
  html: string;
  tags: string[];
  author: PUser;
  score: number;
  replyCount: number;
  acceptedReplyId: string | null;
  locked: boolean;
  pinned: boolean;
  vote: 1 | -1 | 0;
  revisionCount: number;
  createdAt: string;
  lastActivityAt: string;
  editedAt: string | null;
  deleted: boolean;
  deletedBy: 'author' | 'moderator' | null;
}
export interface PReply {
  id: string;
  threadId: string;
  groupId: string;
  parentReplyId: string | null;
  body: string;
  html: string;
  author: PUser | null;
  score: number;
  vote: 1 | -1 | 0;
  accepted: boolean;
  revisionCount: number;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  deletedBy: 'author' | 'moderator' | null;
}
export interface PAnswer extends PReply {
  comments: PReply[];
  moreComments: boolean;
}
export interface PRevision {
  revision: number;
  title: string | null;
  body: string;
  html: string;
  tags: string[] | null;
  editor: PUser | null;
  editedAt: string;
}
export interface PReport {
  id: string;
  groupId: string;
  targetType: 'thread' | 'reply' | 'user';
  targetId: string;
  reason: string;
  status: 'open' | 'resolved';
  reporter: PUser | null;
  createdAt: string;
  resolution: { action: 'dismiss' | 'remove'; note: string | null; resolvedBy: PUser | null; resolvedAt: string } | null;
}
export interface PAuditEntry {
  id: string;
  action: string;
  actor: PUser | null;
  targetType: 'group' | 'user' | 'thread' | 'reply' | 'report' | 'event';
  targetId: string;
  targetUser: PUser | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
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
type GroupWrite = {
  name: string;
  description: string;
  rules?: string;
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'approval' | 'invite';
};
type G = { groupId: string };
type T = { threadId: string };
type R = { replyId: string };
type GU = { groupId: string; userId: string };
type Vote = { value: -1 | 0 | 1 };

export interface ProvisionalEndpoints {
  'GET /api/groups': Op<Empty, PageQuery & { q?: string }, undefined, Page<PGroup>>;
  'POST /api/groups': Op<Empty, Empty, GroupWrite, PGroup>;
  'GET /api/groups/{groupId}': Op<G, Empty, undefined, PGroup>;
  'PATCH /api/groups/{groupId}': Op<G, Empty, Partial<GroupWrite>, PGroup>;
  'POST /api/groups/{groupId}/join': Op<G, Empty, { acceptRulesVersion?: number }, { status: PStatus }>;
  'POST /api/groups/{groupId}/rules/accept': Op<G, Empty, { version: number }, unknown>;
  'POST /api/groups/{groupId}/leave': Op<G, Empty, undefined, void>;
  'GET /api/groups/{groupId}/members': Op<G, PageQuery & { role?: PRole; status?: PStatus }, undefined, Page<PMember>>;
  'POST /api/groups/{groupId}/members/{userId}/approve': Op<GU, Empty, undefined, PMember>;
  'POST /api/groups/{groupId}/members/{userId}/reject': Op<GU, Empty, { reason?: string }, PMember>;
  'PATCH /api/groups/{groupId}/members/{userId}': Op<GU, Empty, { role: PRole }, PMember>;
  'POST /api/groups/{groupId}/members/{userId}/ban': Op<GU, Empty, { reason: string }, PMember>;
  'DELETE /api/groups/{groupId}/members/{userId}/ban': Op<GU, Empty, undefined, void>;
  'POST /api/groups/{groupId}/invites': Op<G, Empty, { userId: string }, PMember>;
  'GET /api/groups/{groupId}/audit-log': Op<G, PageQuery, undefined, Page<PAuditEntry>>;
  'POST /api/groups/{groupId}/threads': Op<G, Empty, { kind: PThread['kind']; title: string; body: string; tags?: string[] }, PThread>;
  'GET /api/groups/{groupId}/threads': Op<G, PageQuery & { kind?: PThread['kind']; tag?: string; sort?: 'latest' | 'active' | 'top' | 'unanswered' }, undefined, Page<PThread>>;
  'GET /api/threads/{threadId}': Op<T, Empty, undefined, PThread>;
  'PATCH /api/threads/{threadId}': Op<T, Empty, { title?: string; body?: string; tags?: string[] }, PThread>;
  'DELETE /api/threads/{threadId}': Op<T, Empty, { reason?: string }, void>;
  'GET /api/threads/{threadId}/revisions': Op<T, PageQuery, undefined, Page<PRevision>>;
  'POST /api/threads/{threadId}/replies': Op<T, Empty, { body: string; parentReplyId?: string }, PReply>;
  'GET /api/threads/{threadId}/replies': Op<T, PageQuery & { sort?: 'oldest' | 'top' }, undefined, Page<PAnswer>>;
  'GET /api/replies/{replyId}': Op<R, Empty, undefined, PReply>;
  'GET /api/replies/{replyId}/comments': Op<R, PageQuery, undefined, Page<PReply>>;
  'GET /api/replies/{replyId}/revisions': Op<R, PageQuery, undefined, Page<PRevision>>;
  'PATCH /api/replies/{replyId}': Op<R, Empty, { body: string }, PReply>;
  'DELETE /api/replies/{replyId}': Op<R, Empty, { reason?: string }, void>;
  'PUT /api/threads/{threadId}/vote': Op<T, Empty, Vote, { score: number; vote: -1 | 0 | 1 }>;
  'PUT /api/replies/{replyId}/vote': Op<R, Empty, Vote, { score: number; vote: -1 | 0 | 1 }>;
  'POST /api/threads/{threadId}/accept': Op<T, Empty, { replyId: string | null }, PThread>;
  'POST /api/threads/{threadId}/lock': Op<T, Empty, undefined, PThread>;
  'POST /api/threads/{threadId}/unlock': Op<T, Empty, undefined, PThread>;
  'POST /api/threads/{threadId}/pin': Op<T, Empty, undefined, PThread>;
  'POST /api/threads/{threadId}/unpin': Op<T, Empty, undefined, PThread>;
  'GET /api/me/feed': Op<Empty, PageQuery & { sort?: 'latest' | 'active'; kind?: PThread['kind']; tag?: string }, undefined, Page<PThread>>;
  'POST /api/reports': Op<Empty, Empty, { targetType: PReport['targetType']; targetId: string; groupId?: string; reason: string }, PReport>;
  'GET /api/groups/{groupId}/reports': Op<G, PageQuery & { status?: PReport['status'] }, undefined, Page<PReport>>;
  'POST /api/reports/{reportId}/resolve': Op<{ reportId: string }, Empty, { action: 'dismiss' | 'remove'; note?: string }, PReport>;
  'GET /api/me/notifications': Op<Empty, PageQuery & { unread?: boolean }, undefined, Page<PNotification>>;
  'POST /api/me/notifications/read': Op<Empty, Empty, { ids?: string[] }, void>;
  'GET /api/groups/{groupId}/subscription': Op<G, Empty, undefined, { groupId: string; level: SubscriptionLevel }>;
  'PUT /api/groups/{groupId}/subscription': Op<G, Empty, { level: SubscriptionLevel }, { groupId: string; level: SubscriptionLevel }>;
  'POST /api/markdown/preview': Op<Empty, Empty, { body: string }, { html: string }>;
}
