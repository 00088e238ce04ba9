import { JwtService } from '@nestjs/jwt';
import { newUser } from '../helpers/factories';
import { startApp, TestApp } from '../helpers/test-app';

describe('accounts: register, login, logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('registers with a normalised e-mail, a derived handle and never returns the password', async () => {
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: '  Grace.Hopper@Example.ORG ', password: 'cobol-forever-1959', displayName: 'Grace Hopper' })
      .expect(201);
    expect(res.body.user).toMatchObject({ email: 'grace.hopper@example.org', displayName: 'Grace Hopper', handle: 'grace_hopper' });
    expect(typeof res.body.accessToken).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/cobol-forever|passwordHash|\$argon2/);

    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email: 'grace.hopper@example.org', handle: 'grace_hopper', expertise: [] });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('gives a second user with the same name a different handle', async () => {
    const a = await newUser(t, { displayName: 'José Ñúñez' });
    const b = await newUser(t, { displayName: 'José Ñúñez' });
    expect(a.handle).toBe('jose_nunez');
    expect(b.handle).toBe('jose_nunez2');
  });

  it('answers 409 for a taken e-mail, whatever its case', async () => {
    const u = await newUser(t);
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: u.email.toUpperCase(), password: 'another password', displayName: 'Copy' })
      .expect(409);
    expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: ['email is already registered'] });
  });

  it('lets exactly one of many concurrent registrations of one address through', async () => {
    const email = `race.${Date.now()}@example.org`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.http().post('/api/auth/register').send({ email, password: 'race condition', displayName: `Racer ${i}` }),
      ),
    );
    const codes = answers.map((a) => a.status).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(11);
  });

  it('logs in with the right password and refuses a wrong one or an unknown address alike', async () => {
    const u = await newUser(t);
    const ok = await t.http().post('/api/auth/login').send({ email: ` ${u.email.toUpperCase()}`, password: u.password }).expect(200);
    expect(ok.body.user.id).toBe(u.id);
    const wrong = await t.http().post('/api/auth/login').send({ email: u.email, password: 'not the password' }).expect(401);
    expect(wrong.body.message).toBe('email or password is incorrect');
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@example.org', password: 'whatever123' }).expect(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('logout revokes every token of the caller, and a new login works again', async () => {
    const u = await newUser(t);
    const second = (await t.http().post('/api/auth/login').send({ email: u.email, password: u.password }).expect(200)).body.accessToken;
    await t.http().get('/api/me').set(u.auth).expect(200);
    await t.http().post('/api/auth/logout').set(u.auth).expect(204);
    await t.http().get('/api/me').set(u.auth).expect(401);
    await t.http().get('/api/me').set('Authorization', `Bearer ${second}`).expect(401);
    const again = (await t.http().post('/api/auth/login').send({ email: u.email, password: u.password }).expect(200)).body.accessToken;
    await t.http().get('/api/me').set('Authorization', `Bearer ${again}`).expect(200);
  });

  it('refuses protected routes without a token or with a forged one', async () => {
    const none = await t.http().get('/api/me').expect(401);
    expect(none.body.message).toMatch(/sign in/);
    await t.http().get('/api/me').set('Authorization', 'Bearer not.a.token').expect(401);
    await t.http().post('/api/auth/logout').expect(401);
  });

  it('accepts tokens signed HS256 with the server secret only (not other algorithms, not "none")', async () => {
    const u = await newUser(t);
    const payload = JSON.parse(Buffer.from(u.token.split('.')[1], 'base64url').toString()) as { sub: string; tv: number };
    const claims = { sub: payload.sub, tv: payload.tv };
    const jwt = new JwtService();
    const secret = t.config.jwtSecret;
    await t.http().get('/api/me').set('Authorization', `Bearer ${jwt.sign(claims, { secret, algorithm: 'HS256' })}`).expect(200);
    await t.http().get('/api/me').set('Authorization', `Bearer ${jwt.sign(claims, { secret, algorithm: 'HS512' })}`).expect(401);
    await t.http().get('/api/me').set('Authorization', `Bearer ${jwt.sign(claims, { secret: 'another-secret-0123456789', algorithm: 'HS256' })}`).expect(401);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    await t.http().get('/api/me').set('Authorization', `Bearer ${unsigned}`).expect(401);
  });
});

describe('accounts: rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After after too many sign-in tries for one address', async () => {
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await t.http().post('/api/auth/login').send({ email: 'target@example.org', password: `guess number ${i}` });
      codes.push(last.status);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(last!.body.message).toMatch(/too many sign-in attempts/);
  });
});
