import { newUser } from '../helpers/factories';
import { connectSocket, handshakeError } from '../helpers/sockets';
import { startApp, TestApp } from '../helpers/test-app';

describe('Socket.IO handshake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('refuses a connection without a token with connect_error "unauthorized"', async () => {
    expect(await handshakeError(t, {})).toBe('unauthorized');
  });

  it('refuses a malformed or forged token', async () => {
    expect(await handshakeError(t, { token: 'not-a-jwt' })).toBe('unauthorized');
    const u = await newUser(t);
    const [head, body] = u.token.split('.');
    expect(await handshakeError(t, { token: `${head}.${body}.forgedsignature` })).toBe('unauthorized');
  });

  it('refuses a token revoked by logout, and accepts the new one', async () => {
    const u = await newUser(t);
    const s = await connectSocket(t, u.token);
    s.close();
    await t.http().post('/api/auth/logout').set(u.auth).expect(204);
    expect(await handshakeError(t, { token: u.token })).toBe('unauthorized');
    const login = await t.http().post('/api/auth/login').send({ email: u.email, password: u.password }).expect(200);
    const again = await connectSocket(t, login.body.accessToken);
    expect(again.socket.connected).toBe(true);
    again.close();
  });

  it('refuses a lastEventId that is not a whole number', async () => {
    const u = await newUser(t);
    expect(await handshakeError(t, { token: u.token, lastEventId: 'yesterday' })).toBe('lastEventId must be a whole number');
    expect(await handshakeError(t, { token: u.token, lastEventId: -3 })).toBe('lastEventId must be a whole number');
    expect(await handshakeError(t, { token: u.token, lastEventId: 1.5 })).toBe('lastEventId must be a whole number');
    const ok = await connectSocket(t, u.token, { lastEventId: '0' });
    ok.close();
  });

  it('keeps serving HTTP on the same port', async () => {
    await t.http().get('/api/health').expect(200);
  });
});
