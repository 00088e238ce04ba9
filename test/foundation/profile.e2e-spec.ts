import { newUser } from '../helpers/factories';
import { startApp, TestApp } from '../helpers/test-app';

describe('profiles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('edits the own profile, normalising expertise tags', async () => {
    const u = await newUser(t);
    const res = await t
      .http()
      .patch('/api/me')
      .set(u.auth)
      .send({ headline: ' Data engineer ', bio: 'I *love* Postgres.', expertise: ['PostgreSQL', 'data engineering', 'postgresql'], handle: 'data_dan' })
      .expect(200);
    expect(res.body).toMatchObject({ headline: 'Data engineer', bio: 'I *love* Postgres.', expertise: ['postgresql', 'data-engineering'], handle: 'data_dan' });
    const again = await t.http().get('/api/me').set(u.auth).expect(200);
    expect(again.body.expertise).toEqual(['postgresql', 'data-engineering']);
  });

  it('refuses a handle someone else has with 409', async () => {
    const a = await newUser(t);
    const b = await newUser(t);
    const res = await t.http().patch('/api/me').set(b.auth).send({ handle: a.handle }).expect(409);
    expect(res.body.message).toEqual(['handle is already taken']);
    await t.http().patch('/api/me').set(a.auth).send({ handle: a.handle }).expect(200);
  });

  it('shows a public profile by id or handle to anyone, without the e-mail', async () => {
    const u = await newUser(t);
    await t.http().patch('/api/me').set(u.auth).send({ expertise: ['kubernetes'] }).expect(200);
    const byId = await t.http().get(`/api/users/${u.id}`).expect(200);
    expect(byId.body).toMatchObject({ id: u.id, handle: u.handle, expertise: ['kubernetes'], degree: null, mutualConnections: 0 });
    expect(byId.body.email).toBeUndefined();
    const byHandle = await t.http().get(`/api/users/${u.handle}`).expect(200);
    expect(byHandle.body.id).toBe(u.id);
  });
});
