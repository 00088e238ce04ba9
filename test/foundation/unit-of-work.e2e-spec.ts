import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { User } from '../../src/modules/users/entities/user.entity';
import { newUser } from '../helpers/factories';
import { startApp, TestApp } from '../helpers/test-app';

function userRow(i: number): User {
  const now = new Date();
  return Object.assign(new User(), {
    id: newId(),
    email: `uow${i}.${now.getTime()}@example.org`,
    passwordHash: 'x',
    displayName: `Unit ${i}`,
    handle: `uow_${i}_${now.getTime().toString(36)}`.slice(0, 30),
    headline: '',
    bio: '',
    tokenVersion: 0,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * On SQLite TypeORM shares one connection between concurrent transactions, so without the
 * serialized queue a rollback takes other requests' acknowledged writes with it.
 */
describe('unit of work: concurrent writes with failures mid-flight', () => {
  let t: TestApp;
  let uow: UnitOfWork;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startApp();
    uow = t.app.get(UnitOfWork);
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('keeps every committed unit when others fail after awaiting the database', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => userRow(i));
    const results = await Promise.allSettled(
      rows.map((row, i) =>
        uow.run(async ({ manager }) => {
          await manager.getRepository(User).insert(row);
          // Every fourth unit fails after more database work, while others are in flight.
          await manager.query('SELECT COUNT(*) FROM users');
          await new Promise((r) => setImmediate(r));
          if (i % 4 === 0) throw new Error(`unit ${i} fails on purpose`);
        }),
      ),
    );
    const failed = rows.filter((_, i) => i % 4 === 0).map((r) => r.id);
    const committed = rows.filter((_, i) => i % 4 !== 0).map((r) => r.id);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(failed.length);
    const present = new Set((await ds.getRepository(User).find({ select: { id: true } })).map((u) => u.id));
    for (const id of committed) expect(present.has(id)).toBe(true);
    for (const id of failed) expect(present.has(id)).toBe(false);
  });

  it('keeps acknowledged HTTP writes while failing units roll back alongside them', async () => {
    const failing = Array.from({ length: 10 }, (_, i) =>
      uow.run(async ({ manager }) => {
        await manager.getRepository(User).insert(userRow(1000 + i));
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('boom');
      }),
    );
    const registered = Promise.all(Array.from({ length: 10 }, () => newUser(t)));
    const [users] = await Promise.all([registered, Promise.allSettled(failing)]);
    for (const u of users) {
      await t.http().post('/api/auth/login').send({ email: u.email, password: u.password }).expect(200);
    }
  });
});
