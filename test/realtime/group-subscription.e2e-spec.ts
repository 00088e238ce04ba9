import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, joinGroup, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';

describe('PUT /api/groups/:groupId/subscription', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let group: TestGroup;
  beforeAll(async () => {
    t = await startApp();
    owner = await newUser(t);
    member = await newUser(t);
    group = await newGroup(t, owner);
    await joinGroup(t, member, group);
  });
  afterAll(() => t.close());

  const put = (u: TestUser | null, groupId: string, body: unknown) => {
    const req = t.http().put(`/api/groups/${groupId}/subscription`);
    return (u ? req.set(u.auth) : req).send(body as object);
  };

  it('starts at "questions" and lets an active member choose each level (by id or slug)', async () => {
    expect((await t.http().get(`/api/groups/${group.id}/subscription`).set(member.auth).expect(200)).body).toEqual({ groupId: group.id, level: 'questions' });
    for (const level of ['all', 'mentions', 'muted', 'questions']) {
      expect((await put(member, group.id, { level }).expect(200)).body).toEqual({ groupId: group.id, level });
    }
    await put(member, group.slug, { level: 'all' }).expect(200);
    expect((await t.http().get(`/api/groups/${group.slug}/subscription`).set(member.auth).expect(200)).body.level).toBe('all');
  });

  it('refuses levels it does not know and fields it does not take, naming them', async () => {
    expect((await put(member, group.id, { level: 'loud' }).expect(400)).body.message).toEqual(['level must be one of all, questions, mentions, muted']);
    expect((await put(member, group.id, {}).expect(400)).body.message.join(' ')).toMatch(/level/);
    expect((await put(member, group.id, { level: 'all', email: true }).expect(400)).body.message).toEqual(['property email is not allowed']);
    expect((await put(member, 'not a group!', { level: 'all' }).expect(400)).body.message).toEqual(['groupId must be a group id or slug']);
  });

  it('answers 401 anonymous, 403 to non-members and banned users, 404 to outsiders of a private group', async () => {
    await put(null, group.id, { level: 'all' }).expect(401);
    const outsider = await newUser(t);
    expect((await put(outsider, group.id, { level: 'all' }).expect(403)).body.message).toBe('join the group to choose what you hear from it');

    const secret = await newGroup(t, owner, { visibility: 'private', joinPolicy: 'invite' });
    expect((await put(outsider, secret.id, { level: 'all' }).expect(404)).body.message).toBe('group not found');
    await t.http().get(`/api/groups/${secret.id}/subscription`).set(outsider.auth).expect(404);

    const troll = await newUser(t);
    await addMember(t, owner, secret, troll);
    await put(troll, secret.id, { level: 'all' }).expect(200);
    await banUser(t, owner, secret, troll, 'trolling');
    expect((await put(troll, secret.id, { level: 'all' }).expect(403)).body.message).toBe('you are banned from this group: trolling');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    expect(doc.paths['/api/groups/{groupId}/subscription'].put.requestBody).toBeDefined();
  });
});
