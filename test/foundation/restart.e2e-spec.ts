import { statSync } from 'node:fs';
import { join } from 'node:path';
import { newUser } from '../helpers/factories';
import { startApp } from '../helpers/test-app';
import { usingPostgres } from '../helpers/test-db';

describe('data survives a restart', () => {
  it('lets a user registered before a restart log in after it, with the same token still valid', async () => {
    const first = await startApp();
    const u = await newUser(first);
    await first.close({ keepStore: true });

    const second = await startApp({ store: first.store });
    try {
      await second.http().post('/api/auth/login').send({ email: u.email, password: u.password }).expect(200);
      await second.http().get('/api/me').set(u.auth).expect(200);
      const secretFile = join(first.store.dataDir, 'jwt-secret');
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      if (!usingPostgres()) expect(statSync(join(first.store.dataDir, 'kring.sqlite')).size).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});
