import request from 'supertest';
import { newUser, TestUser } from '../helpers/factories';
import { banUser, joinGroup, newGroup } from '../helpers/groups';
import { ServerProcess, startServerProcess } from '../helpers/server-process';
import { caughtUp, connectSocket, TestSocket } from '../helpers/sockets';
import { startApp, TestApp } from '../helpers/test-app';
import { createTestStore, TestStore, usingPostgres } from '../helpers/test-db';
import { newThread, TestThread } from '../helpers/threads';

/** The Redis on this machine and in CI (see shared/STACK.md). */
const REDIS_URL = 'redis://127.0.0.1:6379';
const threadIdOf = (p: Record<string, unknown>) => (p.thread as { id: string }).id;

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
      expect(await s.waitFor('membership.changed')).toMatchObject({
        groupId: group.id,
        status: 'active',
      });
      s.close();
    } finally {
      await cut.close();
    }
  });
});

/**
 * Several instances behind a load balancer: two `node dist/main.js` processes on one
 * PostgreSQL database and the real Redis. Only PostgreSQL can be shared between processes, so
 * this part belongs to `npm run test:pg`.
 */
if (usingPostgres()) {
  describe('two instances on one PostgreSQL and Redis', () => {
    let store: TestStore;
    let a: ServerProcess;
    let b: ServerProcess;
    /** The test factories speak HTTP through `http()`; point them at one instance. */
    const via = (p: ServerProcess) => ({ http: () => request(p.url) }) as unknown as TestApp;
    let owner: TestUser;
    let member: TestUser;
    let group: { id: string };
    const open: TestSocket[] = [];

    beforeAll(async () => {
      store = await createTestStore();
      const env = {
        DATABASE_URL: store.databaseUrl!,
        REDIS_URL,
        JWT_SECRET: 'scale-out-test-secret-0123456789',
        DATA_DIR: store.dataDir,
      };
      [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      owner = await newUser(via(a));
      member = await newUser(via(b));
      group = await newGroup(via(a), owner);
      await joinGroup(via(b), member, group);
    });
    afterEach(() => {
      for (const s of open.splice(0)) s.close();
    });
    afterAll(async () => {
      for (const p of [a, b])
        if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
      await Promise.all([a?.exited, b?.exited]);
      await store.drop();
    });
    const connect = async (p: ServerProcess, u: TestUser, lastEventId?: number) => {
      const s = await connectSocket(
        p.url,
        u.token,
        lastEventId === undefined ? {} : { lastEventId },
      );
      open.push(s);
      return s;
    };

    it('pushes a question posted through A to a member connected to B, and not back to its author on A', async () => {
      const onB = await connect(b, member);
      const authorOnA = await connect(a, owner);
      const q = await newThread(via(a), owner, group, { title: 'Posted on A, heard on B' });
      const p = await onB.waitFor('question.created', (x) => threadIdOf(x) === q.id);
      expect(p).toMatchObject({
        eventId: expect.any(Number),
        groupId: group.id,
        thread: { id: q.id, title: 'Posted on A, heard on B' },
      });
      await caughtUp(via(a), owner, authorOnA);
      expect(authorOnA.events('question.created')).toEqual([]);
    });

    it('resumes on A what a client missed after leaving B, in order and exactly once', async () => {
      const onB = await connect(b, member);
      const first = await newThread(via(b), owner, group, { title: 'Seen on B' });
      const seen = await onB.waitFor('question.created', (x) => threadIdOf(x) === first.id);
      onB.close();

      const missed: TestThread[] = [];
      for (let i = 1; i <= 4; i++)
        missed.push(
          await newThread(via(i % 2 ? a : b), owner, group, { title: `Missed number ${i}` }),
        );
      const onA = await connect(a, member, seen.eventId as number);
      await onA.waitFor('question.created', (x) => threadIdOf(x) === missed[3].id);
      const live = await newThread(via(b), owner, group, { title: 'Live again, posted on B' });
      await onA.waitFor('question.created', (x) => threadIdOf(x) === live.id);
      expect(onA.events('question.created').map(threadIdOf)).toEqual([
        ...missed.map((q) => q.id),
        live.id,
      ]);
      const ids = onA.events('question.created').map((x) => x.eventId as number);
      expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    });

    it('takes a member banned through A out of the group on B at once', async () => {
      const troll = await newUser(via(a));
      await joinGroup(via(a), troll, group);
      const onB = await connect(b, troll);
      await banUser(via(a), owner, group, troll, 'spam across instances');
      await onB.waitFor(
        'membership.changed',
        (x) => x.groupId === group.id && x.status === 'banned',
      );
      await newThread(via(a), owner, group, { title: 'After the ban' });
      await caughtUp(via(a), troll, onB);
      expect(onB.events('question.created')).toEqual([]);
    });
  });
}
