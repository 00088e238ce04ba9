import { newUser } from '../helpers/factories';
import { banUser, joinGroup, newGroup } from '../helpers/groups';
import { connectSocket } from '../helpers/sockets';
import { startApp, TestApp } from '../helpers/test-app';

/** `membership.changed` reaches the affected user's sockets, and only theirs. */
describe('membership.changed pushes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('tells every socket of a user who joins an open group, and nobody else', async () => {
    const owner = await newUser(t);
    const joiner = await newUser(t);
    const group = await newGroup(t, owner);
    const ownerSocket = await connectSocket(t, owner.token);
    const tab1 = await connectSocket(t, joiner.token);
    const tab2 = await connectSocket(t, joiner.token);
    await joinGroup(t, joiner, group);
    for (const s of [tab1, tab2]) {
      const p = await s.waitFor('membership.changed');
      expect(p).toEqual({ eventId: expect.any(Number), groupId: group.id, status: 'active', role: 'member' });
    }
    // A later event addressed to the owner marks the point by which anything for them has arrived.
    await t.http().post(`/api/groups/${group.id}/leave`).set(joiner.auth).expect(204);
    await tab1.waitFor('membership.changed', (p) => p.status === 'left');
    expect(ownerSocket.events('membership.changed')).toEqual([]);
    for (const s of [ownerSocket, tab1, tab2]) s.close();
  });

  it('walks an applicant through pending, active and banned', async () => {
    const owner = await newUser(t);
    const applicant = await newUser(t);
    const group = await newGroup(t, owner, { joinPolicy: 'approval' });
    const s = await connectSocket(t, applicant.token);
    expect(await joinGroup(t, applicant, group)).toBe('pending');
    await t.http().post(`/api/groups/${group.id}/members/${applicant.id}/approve`).set(owner.auth).expect(200);
    await banUser(t, owner, group, applicant, 'spam');
    await s.waitFor('membership.changed', (p) => p.status === 'banned');
    expect(s.events('membership.changed').map((p) => p.status)).toEqual(['pending', 'active', 'banned']);
    const ids = s.events('membership.changed').map((p) => p.eventId as number);
    expect(ids[0]).toBeLessThan(ids[1]);
    expect(ids[1]).toBeLessThan(ids[2]);
    s.close();
  });
});
