/**
 * TEMPORARY stand-in until feature/groups (the group routes) lands on this branch: the same
 * functions as that branch's test/helpers/groups.ts, writing Group and Membership rows
 * through the app's own UnitOfWork (no mocks). Replaced by the HTTP factories on merge.
 */
import { newId } from '../../src/common/ids';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { Group } from '../../src/modules/groups/entities/group.entity';
import { Membership } from '../../src/modules/groups/entities/membership.entity';
import type { TestUser } from './factories';
import type { TestApp } from './test-app';

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
  rules: string;
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'approval' | 'invite';
}

let n = 0;

async function putMembership(t: TestApp, groupId: string, userId: string, patch: Partial<Membership>): Promise<void> {
  await t.app.get(UnitOfWork).run(async ({ manager }) => {
    const repo = manager.getRepository(Membership);
    const group = await manager.getRepository(Group).findOneByOrFail({ id: groupId });
    const now = new Date();
    const existing = await repo.findOneBy({ groupId, userId });
    const row = Object.assign(
      existing ?? {
        groupId,
        userId,
        role: 'member',
        status: 'active',
        acceptedRulesVersion: group.rulesVersion,
        subscriptionLevel: 'questions',
        banReason: null,
        invitedById: null,
        joinedAt: now,
        createdAt: now,
      },
      patch,
      { updatedAt: now },
    );
    await repo.save(row);
    const count = await repo.countBy({ groupId, status: 'active' });
    await manager.getRepository(Group).update({ id: groupId }, { memberCount: count });
  });
}

export async function newGroup(t: TestApp, owner: TestUser, opts: Partial<GroupOptions> = {}): Promise<TestGroup> {
  n++;
  const now = new Date();
  const group: Group = Object.assign(new Group(), {
    id: newId(),
    slug: `test-group-${n}-${Date.now().toString(36)}`,
    name: opts.name ?? `Test Group ${n}`,
    description: opts.description ?? `A group for test ${n}`,
    rules: opts.rules ?? '',
    rulesVersion: opts.rules ? 1 : 0,
    visibility: opts.visibility ?? 'public',
    joinPolicy: opts.joinPolicy ?? 'open',
    memberCount: 0,
    createdById: owner.id,
    createdAt: now,
    updatedAt: now,
  });
  await t.app.get(UnitOfWork).run(({ manager }) => manager.getRepository(Group).insert(group));
  await putMembership(t, group.id, owner.id, { role: 'owner' });
  return group as TestGroup;
}

export async function joinGroup(t: TestApp, user: TestUser, group: Pick<TestGroup, 'id'>): Promise<'active' | 'pending'> {
  await putMembership(t, group.id, user.id, { status: 'active' });
  return 'active';
}

export async function addMember(
  t: TestApp,
  _owner: TestUser,
  group: Pick<TestGroup, 'id'>,
  user: TestUser,
  role: 'member' | 'moderator' | 'owner' = 'member',
): Promise<void> {
  await putMembership(t, group.id, user.id, { status: 'active', role });
}

export async function setRole(t: TestApp, _owner: TestUser, group: Pick<TestGroup, 'id'>, user: TestUser, role: 'member' | 'moderator' | 'owner'): Promise<void> {
  await putMembership(t, group.id, user.id, { role });
}

export async function banUser(t: TestApp, _by: TestUser, group: Pick<TestGroup, 'id'>, user: TestUser, reason = 'spam'): Promise<void> {
  await putMembership(t, group.id, user.id, { status: 'banned', banReason: reason });
}

/** Temporary: the owner changes the rules (a new version members must accept before posting). */
export async function changeRules(t: TestApp, _owner: TestUser, group: Pick<TestGroup, 'id'>, rules: string): Promise<void> {
  await t.app.get(UnitOfWork).run(async ({ manager }) => {
    const repo = manager.getRepository(Group);
    const g = await repo.findOneByOrFail({ id: group.id });
    await repo.update({ id: group.id }, { rules, rulesVersion: g.rulesVersion + 1 });
  });
}

/** Temporary: a member accepts the current rules. */
export async function acceptRules(t: TestApp, user: TestUser, group: Pick<TestGroup, 'id'>): Promise<void> {
  const g = await t.app.get(UnitOfWork).run(({ manager }) => manager.getRepository(Group).findOneByOrFail({ id: group.id }));
  await putMembership(t, group.id, user.id, { acceptedRulesVersion: g.rulesVersion });
}

/** Temporary: the member leaves. */
export async function leaveGroup(t: TestApp, user: TestUser, group: Pick<TestGroup, 'id'>): Promise<void> {
  await putMembership(t, group.id, user.id, { status: 'left' });
}
