import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, joinGroup, newGroup } from '../helpers/groups';
import { caughtUp, connectSocket, TestSocket } from '../helpers/sockets';
import { startApp, TestApp } from '../helpers/test-app';
import { newReply, newThread } from '../helpers/threads';

/** Who hears new threads, replies and changes (API.md, "Socket.IO"), with real groups and threads. */
describe('real-time delivery rules', () => {
  let t: TestApp;
  const open: TestSocket[] = [];
  beforeAll(async () => {
    t = await startApp();
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => t.close());

  const connect = async (u: TestUser) => {
    const s = await connectSocket(t, u.token);
    open.push(s);
    return s;
  };
  const level = (u: TestUser, groupId: string, lvl: string) => t.http().put(`/api/groups/${groupId}/subscription`).set(u.auth).send({ level: lvl }).expect(200);
  const threadIds = (s: TestSocket, event: string) => s.events(event).map((p) => (p.thread as { id: string }).id);

  it('pushes a new question to active members at levels questions and all, never to its author, outsiders, applicants, or members at mentions or muted', async () => {
    const owner = await newUser(t);
    const group = await newGroup(t, owner, { joinPolicy: 'approval' });
    const [byDefault, everything, mentionsOnly, muted, outsider, applicant] = await Promise.all(Array.from({ length: 6 }, () => newUser(t)));
    for (const u of [byDefault, everything, mentionsOnly, muted]) await addMember(t, owner, group, u);
    await level(everything, group.id, 'all');
    await level(mentionsOnly, group.id, 'mentions');
    await level(muted, group.id, 'muted');
    expect(await joinGroup(t, applicant, group)).toBe('pending');

    const sockets = new Map<TestUser, TestSocket>();
    for (const u of [owner, byDefault, everything, mentionsOnly, muted, outsider, applicant]) sockets.set(u, await connect(u));
    const ownerSecondTab = await connect(owner);

    const q = await newThread(t, owner, group, { kind: 'question', title: 'How do I tune PostgreSQL autovacuum?' });
    for (const u of [byDefault, everything]) {
      const p = await sockets.get(u)!.waitFor('question.created', (x) => (x.thread as { id: string }).id === q.id);
      expect(p).toMatchObject({ eventId: expect.any(Number), groupId: group.id, thread: { id: q.id, title: 'How do I tune PostgreSQL autovacuum?', kind: 'question' } });
    }
    for (const u of [owner, mentionsOnly, muted, outsider, applicant]) await caughtUp(t, u, sockets.get(u)!);
    await caughtUp(t, owner, ownerSecondTab);
    for (const u of [owner, mentionsOnly, muted, outsider, applicant]) expect(sockets.get(u)!.events('question.created')).toEqual([]);
    expect(ownerSecondTab.events('question.created')).toEqual([]);
  });

  it('pushes thread.created for every new thread to members at level all only', async () => {
    const owner = await newUser(t);
    const group = await newGroup(t, owner);
    const [everything, byDefault] = [await newUser(t), await newUser(t)];
    for (const u of [everything, byDefault]) await joinGroup(t, u, group);
    await level(everything, group.id, 'all');
    const sAll = await connect(everything);
    const sDefault = await connect(byDefault);

    const discussion = await newThread(t, owner, group, { kind: 'discussion', title: 'Favourite migration stories' });
    const question = await newThread(t, owner, group, { kind: 'question', title: 'Which index for keyset paging?' });
    await sAll.waitFor('thread.created', (p) => (p.thread as { id: string }).id === question.id);
    expect(threadIds(sAll, 'thread.created')).toEqual([discussion.id, question.id]);
    expect(threadIds(sAll, 'question.created')).toEqual([question.id]);
    await sDefault.waitFor('question.created', (p) => (p.thread as { id: string }).id === question.id);
    await caughtUp(t, byDefault, sDefault);
    expect(sDefault.events('thread.created')).toEqual([]);
  });

  it('keeps a private group to itself: no pushes to outsiders, and thread.watch answers not found', async () => {
    const owner = await newUser(t);
    const secret = await newGroup(t, owner, { visibility: 'private', joinPolicy: 'invite' });
    const insider = await newUser(t);
    const outsider = await newUser(t);
    await addMember(t, owner, secret, insider);
    const sIn = await connect(insider);
    const sOut = await connect(outsider);
    const q = await newThread(t, owner, secret, { kind: 'question', title: 'Confidential roadmap question' });
    await sIn.waitFor('question.created', (p) => (p.thread as { id: string }).id === q.id);
    expect(await sOut.ask('thread.watch', { threadId: q.id })).toEqual({ ok: false, error: 'thread not found' });
    expect(await sIn.ask('thread.watch', { threadId: q.id })).toEqual({ ok: true });
    await newReply(t, insider, q, { body: 'Here is what we know' });
    await caughtUp(t, outsider, sOut);
    expect(sOut.received.filter((r) => r.event !== 'membership.changed')).toEqual([]);
  });

  it('pushes reply.created and thread.updated to watchers and thread.watch sockets, not to the one who acted', async () => {
    const owner = await newUser(t);
    const group = await newGroup(t, owner);
    const [author, answerer, follower, bystander, reader] = await Promise.all(Array.from({ length: 5 }, () => newUser(t)));
    for (const u of [author, answerer, follower, bystander]) await joinGroup(t, u, group);
    const q = await newThread(t, author, group, { kind: 'question', title: 'Why is my query slow?' });
    await t.http().put(`/api/threads/${q.id}/subscription`).set(follower.auth).send({ level: 'watching' }).expect(200);

    const sAuthor = await connect(author);
    const sAnswerer = await connect(answerer);
    const sFollower = await connect(follower);
    const sBystander = await connect(bystander);
    const sReader = await connect(reader); // not a member: a public group's thread may still be watched live
    expect(await sReader.ask('thread.watch', { threadId: q.id })).toEqual({ ok: true });

    const answer = await newReply(t, answerer, q, { body: 'Add an index on (group_id, created_at)' });
    for (const s of [sAuthor, sFollower, sReader]) {
      const p = await s.waitFor('reply.created', (x) => (x.reply as { id: string }).id === answer.id);
      expect(p).toMatchObject({ eventId: expect.any(Number), threadId: q.id, reply: { id: answer.id, body: 'Add an index on (group_id, created_at)' } });
    }

    await t.http().post(`/api/threads/${q.id}/accept`).set(author.auth).send({ replyId: answer.id }).expect(200);
    for (const s of [sAnswerer, sFollower, sReader]) {
      const p = await s.waitFor('thread.updated', (x) => x.change === 'accept');
      expect(p).toMatchObject({ eventId: expect.any(Number), thread: { id: q.id, acceptedReplyId: answer.id } });
    }

    expect(await sReader.ask('thread.unwatch', { threadId: q.id })).toEqual({ ok: true });
    await t.http().put(`/api/threads/${q.id}/subscription`).set(author.auth).send({ level: 'muted' }).expect(200);
    const second = await newReply(t, follower, q, { body: 'Also check work_mem' });
    await sAnswerer.waitFor('reply.created', (x) => (x.reply as { id: string }).id === second.id);

    for (const [u, s] of [[author, sAuthor], [answerer, sAnswerer], [bystander, sBystander], [reader, sReader], [follower, sFollower]] as const) await caughtUp(t, u, s);
    expect(sAnswerer.events('reply.created').map((p) => (p.reply as { id: string }).id)).toEqual([second.id]);
    expect(sAnswerer.events('thread.updated').length).toBe(1);
    expect(sAuthor.events('reply.created').map((p) => (p.reply as { id: string }).id)).toEqual([answer.id]);
    expect(sAuthor.events('thread.updated')).toEqual([]);
    expect(sReader.events('reply.created').map((p) => (p.reply as { id: string }).id)).toEqual([answer.id]);
    expect(sFollower.events('reply.created').map((p) => (p.reply as { id: string }).id)).toEqual([answer.id]);
    expect(sBystander.events('reply.created')).toEqual([]);
  });

  it('adds a member who joins to the group room at once, and takes a banned member out of it at once', async () => {
    const owner = await newUser(t);
    const group = await newGroup(t, owner);
    const newcomer = await newUser(t);
    const troll = await newUser(t);
    await joinGroup(t, troll, group);
    const sNewcomer = await connect(newcomer);
    const sTroll = await connect(troll);
    const watched = await newThread(t, owner, group, { kind: 'discussion', title: 'Weekly open thread' });
    expect(await sTroll.ask('thread.watch', { threadId: watched.id })).toEqual({ ok: true });

    await joinGroup(t, newcomer, group);
    await banUser(t, owner, group, troll, 'flooding the group');
    await sTroll.waitFor('membership.changed', (p) => p.groupId === group.id && p.status === 'banned');

    const q = await newThread(t, owner, group, { kind: 'question', title: 'Who is coming to the meetup?' });
    await newReply(t, owner, watched, { body: 'Another week, another thread' });
    await sNewcomer.waitFor('question.created', (p) => (p.thread as { id: string }).id === q.id);
    await caughtUp(t, troll, sTroll);
    expect(sTroll.events('question.created')).toEqual([]);
    expect(sTroll.events('reply.created')).toEqual([]);
    expect(await sTroll.ask('thread.watch', { threadId: watched.id })).toEqual({ ok: false, error: 'you are banned from this group: flooding the group' });
  });

  it('stops pushing a private group to a member who left, at once', async () => {
    const owner = await newUser(t);
    const secret = await newGroup(t, owner, { visibility: 'private', joinPolicy: 'invite' });
    const leaver = await newUser(t);
    await addMember(t, owner, secret, leaver);
    const s = await connect(leaver);
    const first = await newThread(t, owner, secret, { kind: 'question', title: 'Before leaving: a question' });
    await s.waitFor('question.created', (p) => (p.thread as { id: string }).id === first.id);
    expect(await s.ask('thread.watch', { threadId: first.id })).toEqual({ ok: true });
    await t.http().post(`/api/groups/${secret.id}/leave`).set(leaver.auth).expect(204);
    await s.waitFor('membership.changed', (p) => p.status === 'left');
    await newThread(t, owner, secret, { kind: 'question', title: 'After leaving: another one' });
    await newReply(t, owner, first, { body: 'A reply the leaver must not see' });
    await caughtUp(t, leaver, s);
    expect(threadIds(s, 'question.created')).toEqual([first.id]);
    expect(s.events('reply.created')).toEqual([]);
  });
});

describe('resume after a disconnect, with real groups and threads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('delivers what was posted while offline in order, exactly once, then live events', async () => {
    const owner = await newUser(t);
    const member = await newUser(t);
    const group = await newGroup(t, owner);
    await joinGroup(t, member, group);
    const mine = await newThread(t, member, group, { kind: 'question', title: 'My own question, watched by default' });

    const s1 = await connectSocket(t, member.token);
    const q1 = await newThread(t, owner, group, { kind: 'question', title: 'Question one' });
    const seen = await s1.waitFor('question.created', (p) => (p.thread as { id: string }).id === q1.id);
    s1.close();

    const q2 = await newThread(t, owner, group, { kind: 'question', title: 'Question two, while offline' });
    const r1 = await newReply(t, owner, mine, { body: 'An answer while you were away' });
    const q3 = await newThread(t, owner, group, { kind: 'question', title: 'Question three, while offline' });

    const s2 = await connectSocket(t, member.token, { lastEventId: seen.eventId as number });
    await s2.waitFor('question.created', (p) => (p.thread as { id: string }).id === q3.id);
    const q4 = await newThread(t, owner, group, { kind: 'question', title: 'Question four, live' });
    await s2.waitFor('question.created', (p) => (p.thread as { id: string }).id === q4.id);
    await s2.waitFor('notification', (p) => (p.notification as { replyId: string }).replyId === r1.id);

    const order = s2.received
      .filter((r) => ['question.created', 'reply.created'].includes(r.event))
      .map((r) => (r.event === 'reply.created' ? (r.payload.reply as { id: string }).id : (r.payload.thread as { id: string }).id));
    expect(order).toEqual([q2.id, r1.id, q3.id, q4.id]);
    const ids = s2.events().map((p) => p.eventId as number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    s2.close();
  });

  it('replays nothing of a group to a user banned from it while offline', async () => {
    const owner = await newUser(t);
    const member = await newUser(t);
    const group = await newGroup(t, owner, { visibility: 'private', joinPolicy: 'invite' });
    await addMember(t, owner, group, member);
    const watched = await newThread(t, member, group, { kind: 'discussion', title: 'A thread the member started' });

    const s1 = await connectSocket(t, member.token);
    const q1 = await newThread(t, owner, group, { kind: 'question', title: 'Seen before going offline' });
    const seen = await s1.waitFor('question.created', (p) => (p.thread as { id: string }).id === q1.id);
    s1.close();

    await newThread(t, owner, group, { kind: 'question', title: 'Posted while the member was offline' });
    await newReply(t, owner, watched, { body: 'A reply to the member, while offline' });
    await banUser(t, owner, group, member, 'leaked the roadmap');

    const s2 = await connectSocket(t, member.token, { lastEventId: seen.eventId as number });
    await s2.waitFor('membership.changed', (p) => p.status === 'banned');
    await caughtUp(t, member, s2);
    expect(s2.events('question.created')).toEqual([]);
    expect(s2.events('reply.created')).toEqual([]);
    expect(s2.events('notification')).toEqual([]);
    s2.close();
  });
});
