import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, joinGroup, newGroup, TestGroup } from '../helpers/groups';
import { caughtUp, connectSocket } from '../helpers/sockets';
import { startApp, TestApp } from '../helpers/test-app';
import { newReply, newThread } from '../helpers/threads';

interface Note {
  id: string;
  kind: string;
  actor: { id: string; handle: string } | null;
  groupId: string;
  threadId: string;
  replyId: string | null;
  threadTitle: string;
  excerpt: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

describe('notifications: inbox and pushes', () => {
  let t: TestApp;
  let owner: TestUser;
  let group: TestGroup;
  beforeAll(async () => {
    t = await startApp();
    owner = await newUser(t);
    group = await newGroup(t, owner);
  });
  afterAll(() => t.close());

  const member = async () => {
    const u = await newUser(t);
    await joinGroup(t, u, group);
    return u;
  };
  const inbox = async (u: TestUser, query = ''): Promise<{ items: Note[]; nextCursor: string | null }> =>
    (await t.http().get(`/api/me/notifications${query}`).set(u.auth).expect(200)).body;
  /** Notifications are made by a handler of the committed post: once the bus is drained they exist. */
  const settled = async (u: TestUser, count: number) => {
    await t.settle();
    const { items } = await inbox(u, '?limit=100');
    expect(items).toHaveLength(count);
    return items;
  };

  it('tells a thread author of a reply, in the inbox and with a push, never the replier', async () => {
    const author = await member();
    const replier = await member();
    const s = await connectSocket(t, author.token);
    const q = await newThread(t, author, group, { title: 'Tuning autovacuum on big tables' });
    const r = await newReply(t, replier, q, { body: 'Lower the scale factor for **that** table.' });
    const pushed = await s.waitFor('notification');
    expect(pushed).toEqual({
      eventId: expect.any(Number),
      notification: expect.objectContaining({ kind: 'reply', threadId: q.id, replyId: r.id, groupId: group.id, read: false, threadTitle: 'Tuning autovacuum on big tables' }),
    });
    const { items } = await inbox(author);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'reply', actor: { id: replier.id, handle: replier.handle }, excerpt: 'Lower the scale factor for that table.', readAt: null });
    expect(items[0].id).toBe((pushed.notification as Note).id);
    expect((await inbox(replier)).items).toEqual([]);
    s.close();
  });

  it('tells a reply author of a comment on it (and not the thread author)', async () => {
    const author = await member();
    const answerer = await member();
    const commenter = await member();
    const q = await newThread(t, author, group);
    const answer = await newReply(t, answerer, q);
    await settled(author, 1);
    const comment = await newReply(t, commenter, q, { parentReplyId: answer.id, body: 'Could you share the config?' });
    const [note] = await settled(answerer, 1);
    expect(note).toMatchObject({ kind: 'comment', replyId: comment.id, actor: { id: commenter.id } });
    expect((await inbox(author)).items.map((n) => n.kind)).toEqual(['reply']);
  });

  it('tells users @mentioned in a thread or reply they can read, once, and never the writer', async () => {
    const writer = await member();
    const mentioned = await member();
    const publicReader = await newUser(t); // not a member, but the group is public
    const q = await newThread(t, writer, group, { body: `@${mentioned.handle} and @${publicReader.handle}, thoughts? (cc @${mentioned.handle} @${writer.handle} @nobody_by_that_name)` });
    const [a] = await settled(mentioned, 1);
    expect(a).toMatchObject({ kind: 'mention', threadId: q.id, replyId: null, actor: { id: writer.id } });
    const [b] = await settled(publicReader, 1);
    expect(b).toMatchObject({ kind: 'mention', threadId: q.id });

    const secret = await newGroup(t, writer, { visibility: 'private', joinPolicy: 'invite' });
    const outsider = await newUser(t);
    const s = await connectSocket(t, outsider.token);
    const hidden = await newThread(t, writer, secret, { body: `@${outsider.handle} cannot read this` });
    await newReply(t, writer, hidden, { body: `@${outsider.handle} nor this` });
    await t.settle();
    await caughtUp(t, outsider, s);
    expect(s.events('notification')).toEqual([]);
    expect((await inbox(outsider)).items).toEqual([]);
    expect((await inbox(writer)).items).toEqual([]);
    s.close();
  });

  it('tells an answerer their answer was accepted', async () => {
    const author = await member();
    const answerer = await member();
    const q = await newThread(t, author, group);
    const answer = await newReply(t, answerer, q);
    await t.http().post(`/api/threads/${q.id}/accept`).set(author.auth).send({ replyId: answer.id }).expect(200);
    const [note] = await settled(answerer, 1);
    expect(note).toMatchObject({ kind: 'accepted', replyId: answer.id, actor: { id: author.id } });
  });

  it('sends nothing about a muted thread but the acceptance of your answer', async () => {
    const author = await member();
    const other = await member();
    const q = await newThread(t, author, group);
    await t.http().put(`/api/threads/${q.id}/subscription`).set(author.auth).send({ level: 'muted' }).expect(200);
    await newReply(t, other, q, { body: `@${author.handle} ping` });
    const mine = await newReply(t, author, q);
    await t.http().put(`/api/threads/${q.id}/subscription`).set(other.auth).send({ level: 'muted' }).expect(200);
    await t.http().post(`/api/threads/${q.id}/accept`).set(author.auth).send({ replyId: mine.id }).expect(200);
    await newReply(t, other, q, { parentReplyId: mine.id });
    const s = await connectSocket(t, author.token);
    await caughtUp(t, author, s);
    await t.settle();
    expect((await inbox(author)).items).toEqual([]);
    s.close();
  });

  it('stops notifying a user banned from the group', async () => {
    const author = await member();
    const banned = await member();
    const q = await newThread(t, banned, group);
    await banUser(t, owner, group, banned, 'spam');
    await newReply(t, author, q, { body: `@${banned.handle} you are gone` });
    await t.settle();
    const probe = await member();
    await newReply(t, author, await newThread(t, probe, group));
    await settled(probe, 1);
    expect((await inbox(banned)).items).toEqual([]);
  });

  it('pages newest first with a cursor, filters unread, and marks read by id or all at once', async () => {
    const author = await member();
    const repliers = [await member(), await member(), await member()];
    const q = await newThread(t, author, group);
    for (const r of repliers) await newReply(t, r, q);
    const all = await settled(author, 3);
    expect(all.map((n) => n.actor!.id)).toEqual([...repliers].reverse().map((r) => r.id));

    const page1 = await inbox(author, '?limit=2');
    expect(page1.items.map((n) => n.id)).toEqual(all.slice(0, 2).map((n) => n.id));
    const page2 = await inbox(author, `?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((n) => n.id)).toEqual([all[2].id]);
    expect(page2.nextCursor).toBeNull();

    await t.http().post('/api/me/notifications/read').set(author.auth).send({ ids: [all[1].id] }).expect(204);
    expect((await inbox(author, '?unread=true')).items.map((n) => n.id)).toEqual([all[0].id, all[2].id]);
    const after = (await inbox(author)).items.find((n) => n.id === all[1].id)!;
    expect(after.read).toBe(true);
    expect(after.readAt).toEqual(expect.any(String));

    // Someone else's ids change nothing of theirs.
    const stranger = await newUser(t);
    await t.http().post('/api/me/notifications/read').set(stranger.auth).send({ ids: [all[0].id] }).expect(204);
    expect((await inbox(author, '?unread=true')).items).toHaveLength(2);

    await t.http().post('/api/me/notifications/read').set(author.auth).send({}).expect(204);
    expect((await inbox(author, '?unread=true')).items).toEqual([]);
    expect((await inbox(author, '?unread=false')).items).toHaveLength(3);
  });

  it('validates its input and needs a signed-in caller', async () => {
    const u = await newUser(t);
    await t.http().get('/api/me/notifications').expect(401);
    await t.http().post('/api/me/notifications/read').send({}).expect(401);
    expect((await t.http().get('/api/me/notifications?unread=maybe').set(u.auth).expect(400)).body.message).toEqual(['unread must be true or false']);
    expect((await t.http().get('/api/me/notifications?cursor=garbage').set(u.auth).expect(400)).body.message).toEqual(['cursor is not a valid cursor for this list']);
    expect((await t.http().get('/api/me/notifications?limit=0').set(u.auth).expect(400)).body.message.join(' ')).toMatch(/limit/);
    expect((await t.http().post('/api/me/notifications/read').set(u.auth).send({ ids: 'all' }).expect(400)).body.message.join(' ')).toMatch(/ids/);
    expect((await t.http().post('/api/me/notifications/read').set(u.auth).send({ ids: ['x'] }).expect(400)).body.message).toEqual(['ids must contain valid ids']);
    expect((await t.http().post('/api/me/notifications/read').set(u.auth).send({ all: true }).expect(400)).body.message).toEqual(['property all is not allowed']);
  });
});

describe('PUT /api/threads/:threadId/subscription', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('starts authors and repliers at watching and everyone else at normal; each may choose', async () => {
    const owner = await newUser(t);
    const group = await newGroup(t, owner);
    const replier = await newUser(t);
    const reader = await newUser(t);
    await joinGroup(t, replier, group);
    const q = await newThread(t, owner, group);
    await newReply(t, replier, q);
    const get = async (u: TestUser) => (await t.http().get(`/api/threads/${q.id}/subscription`).set(u.auth).expect(200)).body;
    expect(await get(owner)).toEqual({ threadId: q.id, level: 'watching' });
    expect(await get(replier)).toEqual({ threadId: q.id, level: 'watching' });
    expect(await get(reader)).toEqual({ threadId: q.id, level: 'normal' });
    for (const level of ['watching', 'muted', 'normal']) {
      expect((await t.http().put(`/api/threads/${q.id}/subscription`).set(reader.auth).send({ level }).expect(200)).body).toEqual({ threadId: q.id, level });
    }
    // A chosen level survives replying again.
    await t.http().put(`/api/threads/${q.id}/subscription`).set(replier.auth).send({ level: 'muted' }).expect(200);
    await newReply(t, replier, q);
    expect(await get(replier)).toEqual({ threadId: q.id, level: 'muted' });
  });

  it('answers 400 for bad input, 401 anonymous, 404 for unknown threads and private outsiders, 403 when banned', async () => {
    const owner = await newUser(t);
    const u = await newUser(t);
    const secret = await newGroup(t, owner, { visibility: 'private', joinPolicy: 'invite' });
    const hidden = await newThread(t, owner, secret);
    const put = (who: TestUser | null, id: string, body: object) => {
      const req = t.http().put(`/api/threads/${id}/subscription`);
      return (who ? req.set(who.auth) : req).send(body);
    };
    expect((await put(u, hidden.id, { level: 'loud' }).expect(400)).body.message).toEqual(['level must be one of watching, normal, muted']);
    expect((await put(u, 'nope', { level: 'muted' }).expect(400)).body.message).toEqual(['threadId must be a valid id']);
    await put(null, hidden.id, { level: 'muted' }).expect(401);
    expect((await put(u, hidden.id, { level: 'muted' }).expect(404)).body.message).toBe('thread not found');
    expect((await put(u, '01ARZ3NDEKTSV4RRFFQ69G5FAV', { level: 'muted' }).expect(404)).body.message).toBe('thread not found');
    await addMember(t, owner, secret, u);
    await put(u, hidden.id, { level: 'watching' }).expect(200);
    await banUser(t, owner, secret, u, 'spam');
    expect((await put(u, hidden.id, { level: 'muted' }).expect(403)).body.message).toBe('you are banned from this group: spam');
  });
});
