import { newUser, TestUser } from '../helpers/factories';
import { startApp, TestApp } from '../helpers/test-app';

describe('bad input gets a clear 4xx naming the problem, never a 500', () => {
  let t: TestApp;
  let u: TestUser;
  beforeAll(async () => {
    t = await startApp();
    u = await newUser(t);
  });
  afterAll(() => t.close());

  const register = (body: unknown) => t.http().post('/api/auth/register').set('content-type', 'application/json').send(body as object);

  it('rejects unknown fields instead of storing them', async () => {
    const res = await register({ email: 'x@example.org', password: 'long enough pw', displayName: 'X', isAdmin: true }).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['property isAdmin is not allowed'] });
    await t.http().post('/api/auth/login').send({ email: 'x@example.org', password: 'long enough pw' }).expect(401);
  });

  it('names each missing field', async () => {
    const res = await t.http().post('/api/auth/register').expect(400);
    const text = res.body.message.join(' | ');
    expect(text).toMatch(/email/);
    expect(text).toMatch(/password/);
    expect(text).toMatch(/displayName/);
  });

  it('names fields of the wrong type or shape', async () => {
    const res = await register({ email: 42, password: ['a'], displayName: { a: 1 } }).expect(400);
    const text = res.body.message.join(' | ');
    expect(text).toMatch(/email must/);
    expect(text).toMatch(/password must/);
    expect(text).toMatch(/displayName must/);
    const short = await register({ email: 'short@example.org', password: 'short', displayName: 'S' }).expect(400);
    expect(short.body.message).toEqual(['password must be at least 10 characters long']);
    const notEmail = await register({ email: 'not-an-address', password: 'long enough pw', displayName: 'S' }).expect(400);
    expect(notEmail.body.message).toEqual(['email must be an e-mail address']);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"email": "a@b.c",').expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(String(res.body.message)).toMatch(/JSON/);
  });

  it('answers a body that is not an object with 400', async () => {
    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send(body);
      expect(res.status).toBe(400);
    }
  });

  it('answers bodies over 256 kB with 413', async () => {
    const res = await register({ email: 'big@example.org', password: 'long enough pw', displayName: 'x'.repeat(300 * 1024) }).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(String(res.body.message)).toMatch(/256 kB/);
  });

  it('answers unknown users with 404 and unknown routes with 404', async () => {
    await t.http().get('/api/users/01ARZ3NDEKTSV4RRFFQ69G5FAV').expect(404);
    await t.http().get('/api/users/no_such_handle').expect(404);
    await t.http().get('/api/nope').expect(404);
  });

  it('names invalid profile fields', async () => {
    const res = await t.http().patch('/api/me').set(u.auth).send({ handle: 'No Spaces!', expertise: ['ok', 'Not OK!!'], headline: 5 }).expect(400);
    const text = res.body.message.join(' | ');
    expect(text).toMatch(/handle must be 3-30 characters/);
    expect(text).toMatch(/expertise must contain tags/);
    expect(text).toMatch(/headline must be a string/);
  });

  it('never answers 500 to a barrage of odd requests', async () => {
    const bodies: unknown[] = [
      {},
      { email: null, password: null, displayName: null },
      { email: 'a@b.co', password: 'x'.repeat(201), displayName: 'y' },
      { email: '\u0000@example.org', password: '\u0000'.repeat(20), displayName: '\u0000' },
      { email: { $gt: '' }, password: { $ne: null } },
      { __proto__: { polluted: true }, email: 'p@example.org' },
      { constructor: { prototype: { polluted: true } } },
    ];
    const routes: [string, string][] = [
      ['post', '/api/auth/register'],
      ['post', '/api/auth/login'],
      ['patch', '/api/me'],
    ];
    for (const [method, path] of routes) {
      for (const body of bodies) {
        const req = (t.http() as unknown as Record<string, (p: string) => ReturnType<ReturnType<TestApp['http']>['get']>>)[method](path).set(u.auth);
        const res = await req.send(body as object);
        expect(res.status).toBeLessThan(500);
        if (Object.keys(body as object).length > 0) expect(res.status).toBeGreaterThanOrEqual(400);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sends a request id with every answer, echoing a sane one given', async () => {
    const res = await t.http().get('/api/health').set('x-request-id', 'trace-abc.123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-abc.123');
    const other = await t.http().get('/api/me').expect(401);
    expect(other.headers['x-request-id']).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('sets security headers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});
