import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { newId } from '../../src/common/ids';
import { openStore } from '../../scripts/seed/store';
import { JWT_SECRET } from './processes';

export interface Community {
  groupId: string;
  owner: { id: string; token: string };
  members: { id: string; token: string }[];
}

/**
 * One public group with `n` active members (subscription level `questions`, the default) and
 * its owner, written straight into a new SQLite store (migrations applied first). Tokens are
 * issued with the server's secret, as a sign-in would: signing 5,000 people in through argon2
 * would take minutes and measure nothing of interest here.
 */
export async function communityOf(sqliteFile: string, n: number): Promise<Community> {
  const store = await openStore({ kind: 'sqlite', path: sqliteFile });
  const jwt = new JwtService({
    secret: JWT_SECRET,
    signOptions: { algorithm: 'HS256', expiresIn: 24 * 3600 },
  });
  const hash = await argon2.hash('kring-bench-password', {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const now = new Date();
  const groupId = newId();
  const people = Array.from({ length: n + 1 }, () => newId());
  await store.begin([]);
  const users = store.table('users', [
    'id',
    'email',
    'password_hash',
    'display_name',
    'handle',
    'headline',
    'bio',
    'token_version',
    'created_at',
    'updated_at',
  ]);
  const groups = store.table('groups', [
    'id',
    'slug',
    'name',
    'description',
    'rules',
    'rules_html',
    'rules_version',
    'visibility',
    'join_policy',
    'member_count',
    'created_by_id',
    'created_at',
    'updated_at',
  ]);
  const memberships = store.table('memberships', [
    'group_id',
    'user_id',
    'role',
    'status',
    'accepted_rules_version',
    'subscription_level',
    'ban_reason',
    'invited_by_id',
    'joined_at',
    'created_at',
    'updated_at',
  ]);
  for (const [i, id] of people.entries())
    await users.add([
      id,
      `member${i}@bench.example`,
      hash,
      `Member ${i}`,
      `member_${i}`,
      '',
      '',
      0,
      now,
      now,
    ]);
  await groups.add([
    groupId,
    `fanout-${n}`,
    `Fan-out ${n}`,
    'Every member hears every question.',
    '',
    '',
    0,
    'public',
    'open',
    people.length,
    people[0],
    now,
    now,
  ]);
  for (const [i, id] of people.entries())
    await memberships.add([
      groupId,
      id,
      i === 0 ? 'owner' : 'member',
      'active',
      0,
      'questions',
      null,
      null,
      now,
      now,
      now,
    ]);
  await store.commit();
  await store.close();
  const token = (sub: string) => jwt.sign({ sub, tv: 0 });
  return {
    groupId,
    owner: { id: people[0], token: token(people[0]) },
    members: people.slice(1).map((id) => ({ id, token: token(id) })),
  };
}
