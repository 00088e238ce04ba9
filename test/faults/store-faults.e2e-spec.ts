import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newUser, TestUser } from '../helpers/factories';
import { startApp, TestApp } from '../helpers/test-app';

/**
 * The SQLite file lives on a small tmpfs of its own (tests run as root here and in CI), so
 * the disk can really fill up under the server. (A read-only remount is refused while SQLite
 * holds the file open, and file modes do not bind root, so disk-full is the fault we can make.)
 */
describe('faults: the SQLite store runs out of disk', () => {
  let mnt: string;
  let t: TestApp;
  let u: TestUser;

  beforeAll(async () => {
    mnt = mkdtempSync(join(tmpdir(), 'kring-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mnt]);
    t = await startApp({
      store: { dataDir: mnt, databaseUrl: null, kind: 'sqlite', drop: async () => undefined },
      env: { DATABASE_URL: '' },
    });
    u = await newUser(t);
  });

  afterAll(async () => {
    await t?.close();
    execFileSync('umount', ['-l', mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });

  const bigBio = (i: number) => `${i} `.padEnd(4900, 'lorem ipsum dolor sit amet ');

  it('answers 503 with a clear message while the disk is full, keeps what was stored, and recovers when space returns', async () => {
    const filler = join(mnt, 'filler');
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }

    const statuses: number[] = [];
    const acknowledged: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await t
        .http()
        .patch('/api/me')
        .set(u.auth)
        .send({ bio: bigBio(i) });
      statuses.push(res.status);
      if (res.status === 200) acknowledged.push(bigBio(i));
      if (res.status === 503) {
        expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
        expect(res.body.message).toMatch(/database cannot take this request/);
        expect(res.headers['retry-after']).toBeDefined();
      }
      const reg = await t
        .http()
        .post('/api/auth/register')
        .send({
          email: `full${i}@example.org`,
          password: 'disk is full',
          displayName: `Full ${i}`,
        });
      statuses.push(reg.status);
    }
    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    // Reading still works while the disk is full.
    await t.http().get('/api/me').set(u.auth).expect(200);

    unlinkSync(filler);
    const after = await t
      .http()
      .patch('/api/me')
      .set(u.auth)
      .send({ bio: 'space is back' })
      .expect(200);
    expect(after.body.bio).toBe('space is back');
    const fresh = await newUser(t);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: fresh.email, password: fresh.password })
      .expect(200);

    const db = new Database(join(mnt, 'kring.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
