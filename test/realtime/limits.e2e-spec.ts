import { newId } from '../../src/common/ids';
import { newUser, TestUser } from '../helpers/factories';
import { connectSocket, disconnected } from '../helpers/sockets';
import { startApp, TestApp } from '../helpers/test-app';

/** Misbehaving clients get an error or are disconnected; the server keeps serving everyone else. */
describe('Socket.IO limits and junk', () => {
  let t: TestApp;
  let u: TestUser;
  beforeAll(async () => {
    t = await startApp();
    u = await newUser(t);
  });
  afterAll(() => t.close());

  const stillServing = async () => {
    await t.http().get('/api/health').expect(200);
    const s = await connectSocket(t, u.token);
    expect(await s.ask('thread.unwatch', { threadId: newId() })).toEqual({ ok: true });
    s.close();
  };

  it('answers malformed thread.watch / thread.unwatch bodies with { ok: false, error }', async () => {
    const s = await connectSocket(t, u.token);
    for (const body of [null, 'x', 42, [], {}, { threadId: 'nope' }, { threadId: 7 }]) {
      expect(await s.ask('thread.watch', body)).toEqual({ ok: false, error: 'threadId must be a valid id' });
    }
    expect(await s.ask('thread.unwatch', { threadId: '../../etc' })).toEqual({ ok: false, error: 'threadId must be a valid id' });
    expect(await s.ask('thread.watch', { threadId: newId() })).toEqual({ ok: false, error: 'thread not found' });
    expect(s.socket.connected).toBe(true);
    s.close();
  });

  it('answers an event it does not know with an error, and never lets a client pick a room', async () => {
    const s = await connectSocket(t, u.token);
    expect(await s.ask('join', { room: 'g:anything' })).toEqual({ ok: false, error: 'unknown event' });
    s.socket.emit('subscribe', 'catching-up');
    const exception = await s.waitFor('exception');
    expect(exception.message).toBe('unknown event');
    s.close();
  });

  it('slows down a flood of messages and disconnects a client that keeps flooding', async () => {
    const s = await connectSocket(t, u.token);
    const answers = await Promise.all(Array.from({ length: 60 }, () => s.ask('thread.unwatch', { threadId: newId() })));
    expect(answers.filter((a) => a.ok === true).length).toBeGreaterThan(0);
    expect(answers).toContainEqual({ ok: false, error: 'too many messages, slow down' });
    const gone = disconnected(s);
    for (let i = 0; i < 300 && s.socket.connected; i++) s.socket.emit('thread.unwatch', { threadId: newId() });
    expect(await gone).toBe('io server disconnect');
    await stillServing();
  });

  it('closes the connection of a client that sends an oversized frame', async () => {
    const s = await connectSocket(t, u.token);
    const gone = disconnected(s);
    s.socket.emit('thread.watch', { threadId: 'x'.repeat(100_000) });
    expect(await gone).toBe('transport close');
    await stillServing();
  });

  it('closes the connection of a client that sends bytes that are not Socket.IO packets', async () => {
    const s = await connectSocket(t, u.token);
    const gone = disconnected(s);
    (s.socket.io.engine as unknown as { send(data: string): void }).send('9{"not":"a packet"');
    expect(['transport close', 'io server disconnect']).toContain(await gone);
    await stillServing();
  });
});
