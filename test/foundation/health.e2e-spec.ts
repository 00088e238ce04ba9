import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../helpers/test-app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('answers ok while the database answers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database is unreachable', async () => {
    const ds = t.app.get(DataSource);
    await ds.destroy();
    const res = await t.http().get('/api/health').expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(res.body.message).toMatch(/database is unreachable/);
    await ds.initialize();
    await t.http().get('/api/health').expect(200);
  });
});
