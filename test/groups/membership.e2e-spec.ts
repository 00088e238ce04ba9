import { DomainEventBus } from '../../src/domain-events/domain-event-bus';
import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, inviteUser, joinGroup, newGroup, setRole, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';

describe('membership: join policies, rules, leaving, roles, bans, members list', () => {
  let t: TestApp;
  let owner: TestUser;
  const changes: { groupId: string; userId: string; status: string; role: string }[] = [];
  beforeAll(async () => {
    t = await startApp();
    owner = await newUser(t);
    t.app.get(DomainEventBus).on('membership.changed', (e) => {
      changes.push({ groupId: e.groupId, userId: e.userId, status: e.status, role: e.role });
    });
  });
  afterAll(() => t.close());

  const group = (g: TestGroup, as?: TestUser) => t.http().get(`/api/groups/${g.id}`).set(as?.auth ?? {});
  const memberCount = async (g: TestGroup) => (await group(g).set(owner.auth).expect(200)).body.memberCount as number;
  /** What membership.changed said about `user` in `g`, in order. */
  const announced = async (g: TestGroup, user: TestUser) => {
    await t.settle();
    return changes.filter((c) => c.groupId === g.id && c.userId === user.id).map((c) => `${c.status}/${c.role}`);
  };

  describe('joining', () => {
    it('open groups admit at once (201), counting the member; a second join is a 409', async () => {
      const g = await newGroup(t, owner);
      const u = await newUser(t);
      const res = await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({}).expect(201);
      expect(res.body).toMatchObject({ status: 'active', role: 'member' });
      expect(await memberCount(g)).toBe(2);
      await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({}).expect(409);
      expect(await memberCount(g)).toBe(2);
      expect(await announced(g, u)).toEqual(['active/member']);
      await t.http().post(`/api/groups/${g.id}/join`).send({}).expect(401);
    });

    it('needs the current rules version accepted when the group has rules (400 naming acceptRulesVersion)', async () => {
      const g = await newGroup(t, owner, { rules: 'Cite your sources.' });
      const u = await newUser(t);
      const missing = await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({}).expect(400);
      expect(JSON.stringify(missing.body.message)).toMatch(/acceptRulesVersion.*rules/);
      const stale = await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({ acceptRulesVersion: 7 }).expect(400);
      expect(JSON.stringify(stale.body.message)).toContain('acceptRulesVersion');
      await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({ acceptRulesVersion: 'one' }).expect(400);
      const ok = await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({ acceptRulesVersion: 1 }).expect(201);
      expect(ok.body.acceptedRulesVersion).toBe(1);
    });

    it('approval groups queue applicants (202); moderators approve or reject; a rejected applicant may apply again', async () => {
      const g = await newGroup(t, owner, { joinPolicy: 'approval' });
      const [a, b] = await Promise.all([newUser(t), newUser(t)]);
      expect((await t.http().post(`/api/groups/${g.id}/join`).set(a.auth).send({}).expect(202)).body.status).toBe('pending');
      await t.http().post(`/api/groups/${g.id}/join`).set(b.auth).send({}).expect(202);
      expect((await group(g, a).expect(200)).body.membership.status).toBe('pending');
      await t.http().post(`/api/groups/${g.id}/join`).set(a.auth).send({}).expect(409);
      expect(await memberCount(g)).toBe(1);

      const approved = await t.http().post(`/api/groups/${g.id}/members/${a.id}/approve`).set(owner.auth).expect(200);
      expect(approved.body).toMatchObject({ user: { id: a.id }, status: 'active', role: 'member' });
      expect(await memberCount(g)).toBe(2);
      await t.http().post(`/api/groups/${g.id}/members/${a.id}/approve`).set(owner.auth).expect(409);

      const rejected = await t.http().post(`/api/groups/${g.id}/members/${b.id}/reject`).set(owner.auth).send({ reason: 'not a fit' }).expect(200);
      expect(rejected.body.status).toBe('rejected');
      await t.http().post(`/api/groups/${g.id}/members/${b.id}/reject`).set(owner.auth).send({}).expect(409);
      await t.http().post(`/api/groups/${g.id}/join`).set(b.auth).send({}).expect(202);
      expect(await memberCount(g)).toBe(2);
      expect(await announced(g, b)).toEqual(['pending/member', 'rejected/member', 'pending/member']);

      const stranger = await newUser(t);
      await t.http().post(`/api/groups/${g.id}/members/${stranger.id}/approve`).set(owner.auth).expect(404);
      await t.http().post(`/api/groups/${g.id}/members/not-an-id/approve`).set(owner.auth).expect(400);
    });

    it('invite-only groups admit invited users only (403 otherwise); an invitation admits even to approval groups', async () => {
      const g = await newGroup(t, owner, { joinPolicy: 'invite' });
      const [u, v] = await Promise.all([newUser(t), newUser(t)]);
      const refused = await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({}).expect(403);
      expect(refused.body.message).toMatch(/invite/);
      const invited = await t.http().post(`/api/groups/${g.id}/invites`).set(owner.auth).send({ userId: u.id }).expect(201);
      expect(invited.body).toMatchObject({ status: 'invited', user: { id: u.id } });
      await t.http().post(`/api/groups/${g.id}/invites`).set(owner.auth).send({ userId: u.id }).expect(409);
      expect((await group(g, u).expect(200)).body.membership.status).toBe('invited');
      await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({}).expect(201);
      await t.http().post(`/api/groups/${g.id}/invites`).set(owner.auth).send({ userId: u.id }).expect(409);

      const a = await newGroup(t, owner, { joinPolicy: 'approval' });
      await inviteUser(t, owner, a, v);
      expect(await joinGroup(t, v, a)).toBe('active');
      expect(JSON.stringify((await t.http().post(`/api/groups/${g.id}/invites`).set(owner.auth).send({ userId: 'x' }).expect(400)).body.message)).toContain('userId');
      await t.http().post(`/api/groups/${g.id}/invites`).set(owner.auth).send({ userId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }).expect(404);
    });
  });

  describe('leaving', () => {
    it('members leave (204, uncounted); the last owner cannot leave (409) until another owner exists', async () => {
      const g = await newGroup(t, owner);
      const u = await newUser(t);
      await joinGroup(t, u, g);
      await t.http().post(`/api/groups/${g.id}/leave`).set(u.auth).expect(204);
      expect(await memberCount(g)).toBe(1);
      await t.http().post(`/api/groups/${g.id}/leave`).set(u.auth).expect(409);
      expect((await group(g, u).expect(200)).body.membership.status).toBe('left');

      const last = await t.http().post(`/api/groups/${g.id}/leave`).set(owner.auth).expect(409);
      expect(last.body.message).toMatch(/last owner/);
      const heir = await newUser(t);
      await addMember(t, owner, g, heir, 'owner');
      await t.http().post(`/api/groups/${g.id}/leave`).set(owner.auth).expect(204);
      expect((await group(g, heir).expect(200)).body.memberCount).toBe(1);
      await t.http().post(`/api/groups/${g.id}/leave`).set(heir.auth).expect(409);
    });

    it('lets applicants withdraw and invitees decline', async () => {
      const g = await newGroup(t, owner, { joinPolicy: 'approval' });
      const [a, i] = await Promise.all([newUser(t), newUser(t)]);
      await joinGroup(t, a, g);
      await inviteUser(t, owner, g, i);
      await t.http().post(`/api/groups/${g.id}/leave`).set(a.auth).expect(204);
      await t.http().post(`/api/groups/${g.id}/leave`).set(i.auth).expect(204);
      await t.http().post(`/api/groups/${g.id}/members/${a.id}/approve`).set(owner.auth).expect(409);
      expect(await memberCount(g)).toBe(1);
    });
  });

  describe('roles', () => {
    it('owners change roles; moderators cannot; the last owner cannot be demoted', async () => {
      const g = await newGroup(t, owner);
      const [m, mod] = await Promise.all([newUser(t), newUser(t)]);
      await addMember(t, owner, g, m);
      await addMember(t, owner, g, mod, 'moderator');
      const promoted = await t.http().patch(`/api/groups/${g.id}/members/${m.id}`).set(owner.auth).send({ role: 'moderator' }).expect(200);
      expect(promoted.body).toMatchObject({ role: 'moderator', status: 'active' });
      await t.http().patch(`/api/groups/${g.id}/members/${m.id}`).set(mod.auth).send({ role: 'member' }).expect(403);
      await t.http().patch(`/api/groups/${g.id}/members/${mod.id}`).set(mod.auth).send({ role: 'owner' }).expect(403);
      const bad = await t.http().patch(`/api/groups/${g.id}/members/${m.id}`).set(owner.auth).send({ role: 'king' }).expect(400);
      expect(JSON.stringify(bad.body.message)).toContain('role');

      const lastOwner = await t.http().patch(`/api/groups/${g.id}/members/${owner.id}`).set(owner.auth).send({ role: 'member' }).expect(409);
      expect(lastOwner.body.message).toMatch(/last owner/);
      await setRole(t, owner, g, m, 'owner');
      // With a second owner the first may step down, and then has no say over roles.
      await t.http().patch(`/api/groups/${g.id}/members/${owner.id}`).set(owner.auth).send({ role: 'moderator' }).expect(200);
      await t.http().patch(`/api/groups/${g.id}/members/${mod.id}`).set(owner.auth).send({ role: 'member' }).expect(403);
      await t.http().patch(`/api/groups/${g.id}/members/${m.id}`).set(m.auth).send({ role: 'member' }).expect(409);
      await setRole(t, m, g, owner, 'owner');

      const outsider = await newUser(t);
      await t.http().patch(`/api/groups/${g.id}/members/${outsider.id}`).set(owner.auth).send({ role: 'moderator' }).expect(404);
      expect(await announced(g, m)).toEqual(['invited/member', 'active/member', 'active/moderator', 'active/owner']);
    });

    it('moderators ban members but never moderators or owners; owners ban moderators', async () => {
      const g = await newGroup(t, owner);
      const [m, mod1, mod2] = await Promise.all([newUser(t), newUser(t), newUser(t)]);
      await addMember(t, owner, g, m);
      await addMember(t, owner, g, mod1, 'moderator');
      await addMember(t, owner, g, mod2, 'moderator');
      expect((await t.http().post(`/api/groups/${g.id}/members/${mod2.id}/ban`).set(mod1.auth).send({ reason: 'x' }).expect(403)).body.message).toMatch(/owners/);
      await t.http().post(`/api/groups/${g.id}/members/${owner.id}/ban`).set(mod1.auth).send({ reason: 'x' }).expect(403);
      await t.http().post(`/api/groups/${g.id}/members/${m.id}/ban`).set(mod1.auth).send({ reason: 'spam' }).expect(200);
      await t.http().post(`/api/groups/${g.id}/members/${mod2.id}/ban`).set(owner.auth).send({ reason: 'abuse of power' }).expect(200);
      expect(await memberCount(g)).toBe(2);
      const self = await t.http().post(`/api/groups/${g.id}/members/${mod1.id}/ban`).set(mod1.auth).send({ reason: 'bye' }).expect(400);
      expect(JSON.stringify(self.body.message)).toMatch(/yourself/);
      const noReason = await t.http().post(`/api/groups/${g.id}/members/${mod1.id}/ban`).set(owner.auth).send({}).expect(400);
      expect(JSON.stringify(noReason.body.message)).toContain('reason');
    });
  });

  describe('bans', () => {
    it('end access at once with the reason, block rejoining, and unban restores the right to join', async () => {
      const g = await newGroup(t, owner);
      const u = await newUser(t);
      await joinGroup(t, u, g);
      await group(g, u).expect(200);
      const banned = await t.http().post(`/api/groups/${g.id}/members/${u.id}/ban`).set(owner.auth).send({ reason: 'posted spam links' }).expect(200);
      expect(banned.body).toMatchObject({ status: 'banned', banReason: 'posted spam links' });
      expect(await memberCount(g)).toBe(1);

      for (const res of [
        await group(g, u),
        await t.http().get(`/api/groups/${g.id}/members`).set(u.auth),
        await t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({}),
        await t.http().post(`/api/groups/${g.id}/leave`).set(u.auth),
        await t.http().post(`/api/groups/${g.id}/rules/accept`).set(u.auth).send({ version: 0 }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.message).toContain('posted spam links');
      }
      await t.http().post(`/api/groups/${g.id}/members/${u.id}/ban`).set(owner.auth).send({ reason: 'again' }).expect(409);
      await t.http().post(`/api/groups/${g.id}/invites`).set(owner.auth).send({ userId: u.id }).expect(409);

      await t.http().delete(`/api/groups/${g.id}/members/${u.id}/ban`).set(owner.auth).expect(204);
      await t.http().delete(`/api/groups/${g.id}/members/${u.id}/ban`).set(owner.auth).expect(409);
      expect((await group(g, u).expect(200)).body.membership).toMatchObject({ status: 'left', banReason: null });
      await joinGroup(t, u, g);
      expect(await memberCount(g)).toBe(2);
      expect(await announced(g, u)).toEqual(['active/member', 'banned/member', 'left/member', 'active/member']);
    });

    it('can keep a non-member out of a public group before they join', async () => {
      const g = await newGroup(t, owner);
      const troll = await newUser(t);
      await banUser(t, owner, g, troll, 'known troll');
      const res = await t.http().post(`/api/groups/${g.id}/join`).set(troll.auth).send({}).expect(403);
      expect(res.body.message).toContain('known troll');
      expect(await memberCount(g)).toBe(1);
    });
  });

  describe('members list', () => {
    it('shows active members to readers; other statuses, rules acceptance and ban reasons to moderators only', async () => {
      const g = await newGroup(t, owner, { joinPolicy: 'approval', rules: 'v1' });
      const [m, mod, applicant, banned] = await Promise.all([newUser(t), newUser(t), newUser(t), newUser(t)]);
      await addMember(t, owner, g, m);
      await addMember(t, owner, g, mod, 'moderator');
      await joinGroup(t, applicant, g);
      await banUser(t, owner, g, banned, 'rude');
      await t.http().patch(`/api/groups/${g.id}`).set(owner.auth).send({ rules: 'v2' }).expect(200);

      const asMember = await t.http().get(`/api/groups/${g.id}/members`).set(m.auth).expect(200);
      expect(asMember.body.items.map((r: { user: { id: string } }) => r.user.id).sort()).toEqual([owner.id, m.id, mod.id].sort());
      expect(asMember.body.items[0].acceptedRulesVersion).toBeUndefined();
      expect((await t.http().get(`/api/groups/${g.id}/members`).expect(200)).body.items).toHaveLength(3);

      const asMod = await t.http().get(`/api/groups/${g.id}/members`).set(mod.auth).expect(200);
      const accepted = Object.fromEntries(asMod.body.items.map((r: { user: { id: string }; acceptedRulesVersion: number }) => [r.user.id, r.acceptedRulesVersion]));
      expect(accepted).toEqual({ [owner.id]: 2, [m.id]: 1, [mod.id]: 1 });

      const pending = await t.http().get(`/api/groups/${g.id}/members?status=pending`).set(mod.auth).expect(200);
      expect(pending.body.items.map((r: { user: { id: string } }) => r.user.id)).toEqual([applicant.id]);
      const bannedRows = await t.http().get(`/api/groups/${g.id}/members?status=banned`).set(mod.auth).expect(200);
      expect(bannedRows.body.items[0]).toMatchObject({ user: { id: banned.id }, banReason: 'rude' });
      const mods = await t.http().get(`/api/groups/${g.id}/members?role=moderator`).set(m.auth).expect(200);
      expect(mods.body.items.map((r: { user: { id: string } }) => r.user.id)).toEqual([mod.id]);

      await t.http().get(`/api/groups/${g.id}/members?status=pending`).set(m.auth).expect(403);
      await t.http().get(`/api/groups/${g.id}/members?status=pending`).expect(401);
      const bad = await t.http().get(`/api/groups/${g.id}/members?status=everyone`).set(mod.auth).expect(400);
      expect(JSON.stringify(bad.body.message)).toContain('status');
    });

    it('pages by cursor without repeats', async () => {
      const g = await newGroup(t, owner);
      const users = await Promise.all(Array.from({ length: 4 }, () => newUser(t)));
      for (const u of users) await joinGroup(t, u, g);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const res = await t.http().get(`/api/groups/${g.id}/members`).query({ limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
        seen.push(...res.body.items.map((r: { user: { id: string } }) => r.user.id));
        if (!res.body.nextCursor) break;
        cursor = res.body.nextCursor;
      }
      expect(seen).toEqual([owner.id, ...users.map((u) => u.id)].sort());
    });
  });
});
