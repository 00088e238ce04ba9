import { newUser } from '../helpers/factories';
import { joinGroup, newGroup } from '../helpers/groups';
import { connectSocket } from '../helpers/sockets';
import { startApp, TestApp } from '../helpers/test-app';

/** The Redis on this machine and in CI (see shared/STACK.md). */
const REDIS_URL = 'redis://127.0.0.1:6379';

describe('with the Socket.IO Redis adapter (REDIS_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { REDIS_URL } });
  });
  afterAll(() => t.close());

  it('pushes and resumes as without it', async () => {
    const owner = await newUser(t);
    const member = await newUser(t);
    const first = await newGroup(t, owner);
    const second = await newGroup(t, owner);
    const s1 = await connectSocket(t, member.token);
    await joinGroup(t, member, first);
    const seen = await s1.waitFor('membership.changed', (p) => p.groupId === first.id);
    s1.close();
    await joinGroup(t, member, second);
    const s2 = await connectSocket(t, member.token, { lastEventId: seen.eventId as number });
    await s2.waitFor('membership.changed', (p) => p.groupId === second.id);
    expect(s2.events('membership.changed').map((p) => p.groupId)).toEqual([second.id]);
    s2.close();
  });

  it('keeps pushing when Redis cannot be reached, and still shuts down', async () => {
    const cut = await startApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const owner = await newUser(cut);
      const member = await newUser(cut);
      const group = await newGroup(cut, owner);
      const s = await connectSocket(cut, member.token);
      await joinGroup(cut, member, group);
      expect(await s.waitFor('membership.changed')).toMatchObject({ groupId: group.id, status: 'active' });
      s.close();
    } finally {
      await cut.close();
    }
  });
});
