import { newId } from '../../src/common/ids';
import { startServerProcess } from '../helpers/server-process';
import { connectSocket, disconnected } from '../helpers/sockets';
import { createTestStore, TestStore } from '../helpers/test-db';

describe('stopping a server with open sockets', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.drop());

  it('closes the sockets on SIGTERM and exits instead of waiting for them', async () => {
    const server = await startServerProcess({ DATA_DIR: store.dataDir, DATABASE_URL: store.databaseUrl ?? '', JWT_SECRET: 'shutdown-test-secret-0123456789' });
    const res = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `stop.${newId()}@example.org`, password: 'correct horse battery', displayName: 'Stop Test' }),
    });
    const { accessToken } = (await res.json()) as { accessToken: string };
    const sockets = await Promise.all([connectSocket(server.url, accessToken), connectSocket(server.url, accessToken)]);
    expect(await sockets[0].ask('thread.unwatch', { threadId: newId() })).toEqual({ ok: true });
    const gone = sockets.map((s) => disconnected(s));
    server.child.kill('SIGTERM');
    for (const reason of await Promise.all(gone)) expect(['io server disconnect', 'transport close']).toContain(reason);
    expect(await server.exited).toBe('SIGTERM');
  });
});
