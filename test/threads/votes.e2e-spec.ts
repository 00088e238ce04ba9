import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';
import { newReply, newThread } from '../helpers/threads';

describe('votes', () => {
  let t: TestApp;
  let owner: TestUser;
  let author: TestUser;
  let voter: TestUser;
  let outsider: TestUser;
  let banned: TestUser;
  let group: TestGroup;

  beforeAll(async () => {
    t = await startApp();
    [owner, author, voter, outsider, banned] = await Promise.all(
      Array.from({ length: 5 }, () => newUser(t)),
    );
    group = await newGroup(t, owner);
    for (const u of [author, voter, banned]) await addMember(t, owner, group, u);
    await banUser(t, owner, group, banned, 'vote rings');
  });
  afterAll(() => t.close());

  const vote = (u: TestUser | null, path: string, value: unknown) => {
    const req = t.http().put(path);
    return u ? req.set(u.auth).send({ value }) : req.send({ value });
  };

  it('counts one vote per user and target: up, change to down, withdraw', async () => {
    const th = await newThread(t, author, group);
    const path = `/api/threads/${th.id}/vote`;
    expect((await vote(voter, path, 1).expect(200)).body).toEqual({ score: 1, vote: 1 });
    expect((await vote(voter, path, 1).expect(200)).body).toEqual({ score: 1, vote: 1 });
    expect((await vote(owner, path, 1).expect(200)).body).toEqual({ score: 2, vote: 1 });
    expect((await vote(voter, path, -1).expect(200)).body).toEqual({ score: 0, vote: -1 });
    const seen = await t.http().get(`/api/threads/${th.id}`).set(voter.auth).expect(200);
    expect(seen.body).toMatchObject({ score: 0, vote: -1 });
    expect((await t.http().get(`/api/threads/${th.id}`).expect(200)).body.vote).toBe(0);
    expect((await vote(voter, path, 0).expect(200)).body).toEqual({ score: 1, vote: 0 });
    expect((await vote(voter, path, 0).expect(200)).body).toEqual({ score: 1, vote: 0 });
    expect(
      (await t.http().get(`/api/threads/${th.id}`).set(voter.auth).expect(200)).body,
    ).toMatchObject({ score: 1, vote: 0 });
  });

  it('works the same on replies', async () => {
    const th = await newThread(t, owner, group);
    const r = await newReply(t, author, th);
    const path = `/api/replies/${r.id}/vote`;
    expect((await vote(voter, path, -1).expect(200)).body).toEqual({ score: -1, vote: -1 });
    expect((await vote(owner, path, -1).expect(200)).body).toEqual({ score: -2, vote: -1 });
    const listed = await t.http().get(`/api/threads/${th.id}/replies`).set(voter.auth).expect(200);
    expect(listed.body.items[0]).toMatchObject({ score: -2, vote: -1 });
  });

  it('refuses self-votes, bad values, outsiders, banned users and anonymous callers', async () => {
    const th = await newThread(t, author, group);
    const r = await newReply(t, author, th);
    for (const path of [`/api/threads/${th.id}/vote`, `/api/replies/${r.id}/vote`]) {
      const self = await vote(author, path, 1).expect(403);
      expect(self.body.message).toMatch(/your own/);
      for (const bad of [2, -2, '1', null, 0.5]) {
        const res = await vote(voter, path, bad).expect(400);
        expect(res.body.message).toEqual(['value must be 1, -1 or 0']);
      }
      await t.http().put(path).set(voter.auth).send({}).expect(400);
      const out = await vote(outsider, path, 1).expect(403);
      expect(out.body.message).toMatch(/join the group/);
      const ban = await vote(banned, path, 1).expect(403);
      expect(ban.body.message).toMatch(/vote rings/);
      await vote(null, path, 1).expect(401);
    }
    expect((await t.http().get(`/api/threads/${th.id}`).expect(200)).body.score).toBe(0);
    await vote(voter, '/api/threads/01ARZ3NDEKTSV4RRFFQ69G5FAV/vote', 1).expect(404);
    await vote(voter, '/api/replies/bad-id/vote', 1).expect(400);
  });

  it('refuses votes on deleted threads (410)', async () => {
    const th = await newThread(t, author, group);
    await t.http().delete(`/api/threads/${th.id}`).set(author.auth).expect(204);
    await vote(voter, `/api/threads/${th.id}/vote`, 1).expect(410);
  });

  it('keeps the score exact when 50 members vote on one reply at once', async () => {
    const th = await newThread(t, owner, group);
    const r = await newReply(t, author, th);
    const voters = await Promise.all(Array.from({ length: 50 }, () => newUser(t)));
    for (const v of voters) await addMember(t, owner, group, v);
    const results = await Promise.all(voters.map((v) => vote(v, `/api/replies/${r.id}/vote`, 1)));
    expect(results.map((res) => res.status)).toEqual(voters.map(() => 200));
    expect(Math.max(...results.map((res) => res.body.score))).toBe(50);
    expect((await t.http().get(`/api/replies/${r.id}`).expect(200)).body.score).toBe(50);

    // The same users changing their minds at once, and one user sending several votes at once.
    const flips = await Promise.all(
      voters.slice(0, 20).map((v) => vote(v, `/api/replies/${r.id}/vote`, -1)),
    );
    expect(flips.every((res) => res.status === 200)).toBe(true);
    const same = await Promise.all(
      [1, -1, 0, 1, -1, 1].map((value) => vote(voters[49], `/api/replies/${r.id}/vote`, value)),
    );
    expect(same.every((res) => res.status === 200)).toBe(true);
    const final = (await t.http().get(`/api/replies/${r.id}`).set(voters[49].auth).expect(200))
      .body;
    // Voters 0-19 now vote -1, voters 20-48 still +1, and voter 49 counts with whichever vote came last.
    expect(final.score).toBe(29 - 20 + final.vote);
  });

  it('keeps one vote per user when their first votes on a target race each other', async () => {
    const th = await newThread(t, author, group);
    const racer = await newUser(t);
    await addMember(t, owner, group, racer);
    const results = await Promise.all(
      [1, 1, 1, -1, 1, 1].map((value) => vote(racer, `/api/threads/${th.id}/vote`, value)),
    );
    expect(results.every((res) => res.status === 200)).toBe(true);
    const seen = (await t.http().get(`/api/threads/${th.id}`).set(racer.auth).expect(200)).body;
    expect(Math.abs(seen.score)).toBe(1);
    expect(seen.score).toBe(seen.vote);
  });
});
