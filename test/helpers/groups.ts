import type { TestUser } from './factories';
import type { TestApp } from './test-app';

/** A group as its creator got it back from POST /api/groups. */
export interface TestGroup {
  id: string;
  slug: string;
  name: string;
  description: string;
  rules: string;
  rulesVersion: number;
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'approval' | 'invite';
}

export interface GroupOptions {
  name: string;
  description: string;
  /** Markdown; when set, joining needs `acceptRulesVersion` (joinGroup sends it). */
  rules: string;
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'approval' | 'invite';
}

let n = 0;

function expectStatus(what: string, res: { status: number; body: unknown }, ...ok: number[]): void {
  if (!ok.includes(res.status)) throw new Error(`${what}: answered ${res.status} ${JSON.stringify(res.body)}`);
}

/** Creates a group over HTTP; `owner` becomes its owner. Defaults: public, open, no rules. */
export async function newGroup(t: TestApp, owner: TestUser, opts: Partial<GroupOptions> = {}): Promise<TestGroup> {
  n++;
  const body = {
    name: opts.name ?? `Test Group ${n} ${Date.now().toString(36)}`,
    description: opts.description ?? `A group for test ${n}`,
    visibility: opts.visibility ?? 'public',
    joinPolicy: opts.joinPolicy ?? 'open',
    ...(opts.rules !== undefined ? { rules: opts.rules } : {}),
  };
  const res = await t.http().post('/api/groups').set(owner.auth).send(body);
  expectStatus('newGroup', res, 201);
  return res.body as TestGroup;
}

/**
 * `user` joins (or applies to) `group`, accepting its current rules. Returns the status:
 * 'active' (open group or invited) or 'pending' (approval group).
 */
export async function joinGroup(t: TestApp, user: TestUser, group: Pick<TestGroup, 'id'>): Promise<'active' | 'pending'> {
  const current = await t.http().get(`/api/groups/${group.id}`).set(user.auth);
  expectStatus('joinGroup (read rules)', current, 200);
  const res = await t
    .http()
    .post(`/api/groups/${group.id}/join`)
    .set(user.auth)
    .send({ acceptRulesVersion: current.body.rulesVersion });
  expectStatus('joinGroup', res, 201, 202);
  return res.body.status;
}

/** A moderator or owner invites `user` (status 'invited'). */
export async function inviteUser(t: TestApp, by: TestUser, group: Pick<TestGroup, 'id'>, user: TestUser): Promise<void> {
  expectStatus('inviteUser', await t.http().post(`/api/groups/${group.id}/invites`).set(by.auth).send({ userId: user.id }), 201);
}

/**
 * Makes `user` an active member of `group` whatever its policy and visibility (invite, then
 * join), then gives them `role`. `owner` must be an owner of the group.
 */
export async function addMember(
  t: TestApp,
  owner: TestUser,
  group: Pick<TestGroup, 'id'>,
  user: TestUser,
  role: 'member' | 'moderator' | 'owner' = 'member',
): Promise<void> {
  await inviteUser(t, owner, group, user);
  await joinGroup(t, user, group);
  if (role !== 'member') await setRole(t, owner, group, user, role);
}

/** An owner changes a member's role. */
export async function setRole(t: TestApp, owner: TestUser, group: Pick<TestGroup, 'id'>, user: TestUser, role: 'member' | 'moderator' | 'owner'): Promise<void> {
  expectStatus('setRole', await t.http().patch(`/api/groups/${group.id}/members/${user.id}`).set(owner.auth).send({ role }), 200);
}

/** A moderator or owner bans `user` from the group. */
export async function banUser(t: TestApp, by: TestUser, group: Pick<TestGroup, 'id'>, user: TestUser, reason = 'spam'): Promise<void> {
  expectStatus('banUser', await t.http().post(`/api/groups/${group.id}/members/${user.id}/ban`).set(by.auth).send({ reason }), 200);
}
