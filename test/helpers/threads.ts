import type { TestUser } from './factories';
import type { TestApp } from './test-app';

/** A thread or reply as the API returned it (the fields tests look at most). */
export interface TestThread {
  id: string;
  groupId: string;
  kind: 'question' | 'discussion' | 'announcement';
  title: string;
  body: string;
  html: string;
  tags: string[];
  score: number;
  replyCount: number;
  acceptedReplyId: string | null;
  locked: boolean;
  pinned: boolean;
  createdAt: string;
}

export interface TestReply {
  id: string;
  threadId: string;
  parentReplyId: string | null;
  body: string;
  html: string;
  score: number;
}

let n = 0;

function expectStatus(what: string, res: { status: number; body: unknown }, ok: number): void {
  if (res.status !== ok)
    throw new Error(`${what}: answered ${res.status} ${JSON.stringify(res.body)}`);
}

/** Starts a thread over HTTP as `author` (a member who may post). Defaults: a question with no tags. */
export async function newThread(
  t: TestApp,
  author: TestUser,
  group: { id: string },
  opts: Partial<{ kind: TestThread['kind']; title: string; body: string; tags: string[] }> = {},
): Promise<TestThread> {
  n++;
  const res = await t
    .http()
    .post(`/api/groups/${group.id}/threads`)
    .set(author.auth)
    .send({
      kind: opts.kind ?? 'question',
      title: opts.title ?? `Test thread number ${n}`,
      body: opts.body ?? `Body of thread ${n}`,
      ...(opts.tags ? { tags: opts.tags } : {}),
    });
  expectStatus('newThread', res, 201);
  return res.body as TestThread;
}

/** Replies over HTTP as `author`; with `parentReplyId` it is a comment on that answer. */
export async function newReply(
  t: TestApp,
  author: TestUser,
  thread: { id: string },
  opts: Partial<{ body: string; parentReplyId: string }> = {},
): Promise<TestReply> {
  n++;
  const res = await t
    .http()
    .post(`/api/threads/${thread.id}/replies`)
    .set(author.auth)
    .send({
      body: opts.body ?? `Reply number ${n}`,
      ...(opts.parentReplyId ? { parentReplyId: opts.parentReplyId } : {}),
    });
  expectStatus('newReply', res, 201);
  return res.body as TestReply;
}
