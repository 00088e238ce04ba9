import type { TestApp } from './test-app';

export interface TestUser {
  id: string;
  handle: string;
  email: string;
  password: string;
  displayName: string;
  token: string;
  /** `{ Authorization: 'Bearer …' }` for supertest's .set(). */
  auth: { Authorization: string };
}

let n = 0;

/** Registers a user over HTTP (the real route) and returns their credentials. */
export async function newUser(t: TestApp, overrides: Partial<{ email: string; password: string; displayName: string }> = {}): Promise<TestUser> {
  n++;
  const email = overrides.email ?? `user${n}.${process.pid}.${Date.now().toString(36)}@example.org`;
  const password = overrides.password ?? 'correct horse battery';
  const displayName = overrides.displayName ?? `Test User ${n}`;
  const res = await t.http().post('/api/auth/register').send({ email, password, displayName });
  if (res.status !== 201) throw new Error(`newUser: register answered ${res.status} ${JSON.stringify(res.body)}`);
  const token: string = res.body.accessToken;
  return {
    id: res.body.user.id,
    handle: res.body.user.handle,
    email,
    password,
    displayName,
    token,
    auth: { Authorization: `Bearer ${token}` },
  };
}
