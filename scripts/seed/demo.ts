import { renderMarkdown } from '../../src/common/markdown';
import { asciiWords } from '../../src/common/text';
import { slugBase } from '../../src/modules/groups/slugs';
import { DEMO_GROUPS, DEMO_THREADS, DEMO_USERS, DemoGroup, demoEmail } from './demo-content';
import { Progress } from './progress';
import { Rng, ulidAt } from './random';
import type { SeedStore, TableWriter } from './store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function put(w: TableWriter, row: unknown[]): Promise<void> {
  const p = w.add(row);
  if (p) await p;
}

/**
 * Writes the demo community (src: demo-content.ts) relative to `now`, with counters
 * (memberCount, replyCount, score, lastActivityAt) computed from the rows like the server keeps them.
 */
export async function seedDemo(
  store: SeedStore,
  passwordHash: string,
  now: number,
  progress: Progress,
): Promise<void> {
  const rng = new Rng(20260101);
  const w = (name: string, columns: string[]) => progress.register(store.table(name, columns));
  const users = w('users', [
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
  const expertise = w('user_expertise', ['user_id', 'tag', 'position']);
  const groups = w('groups', [
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
  const memberships = w('memberships', [
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
  const threads = w('threads', [
    'id',
    'author_id',
    'body',
    'html',
    'score',
    'revision_count',
    'created_at',
    'updated_at',
    'edited_at',
    'deleted_at',
    'deleted_by_id',
    'delete_reason',
    'group_id',
    'kind',
    'title',
    'reply_count',
    'accepted_reply_id',
    'locked',
    'pinned',
    'last_activity_at',
  ]);
  const tags = w('thread_tags', ['thread_id', 'tag', 'group_id', 'position']);
  const revisions = w('revisions', [
    'id',
    'target_type',
    'target_id',
    'revision',
    'title',
    'body',
    'tags',
    'editor_id',
    'created_at',
  ]);
  const replies = w('replies', [
    'id',
    'author_id',
    'body',
    'html',
    'score',
    'revision_count',
    'created_at',
    'updated_at',
    'edited_at',
    'deleted_at',
    'deleted_by_id',
    'delete_reason',
    'thread_id',
    'group_id',
    'parent_reply_id',
  ]);
  const votes = w('votes', [
    'user_id',
    'target_type',
    'target_id',
    'value',
    'group_id',
    'created_at',
    'updated_at',
  ]);
  const watching = w('thread_subscriptions', [
    'thread_id',
    'user_id',
    'group_id',
    'level',
    'created_at',
    'updated_at',
  ]);

  const userIds = new Map<string, string>();
  const userCreated = now - 60 * DAY;
  for (const u of DEMO_USERS) {
    const id = ulidAt(userCreated + userIds.size * HOUR, rng);
    userIds.set(u.key, id);
    const at = new Date(userCreated + userIds.size * HOUR);
    await put(users, [
      id,
      demoEmail(u.key),
      passwordHash,
      u.displayName,
      asciiWords(u.displayName, '_', 24),
      u.headline,
      u.bio,
      0,
      at,
      at,
    ]);
    for (let p = 0; p < u.expertise.length; p++) await put(expertise, [id, u.expertise[p], p]);
  }

  const groupById = new Map<string, { id: string; group: DemoGroup }>();
  const groupCreated = now - 50 * DAY;
  for (const [i, g] of DEMO_GROUPS.entries()) {
    const at = new Date(groupCreated + i * DAY);
    const id = ulidAt(at.getTime(), rng);
    groupById.set(g.key, { id, group: g });
    const rulesVersion = g.rules ? 1 : 0;
    await put(groups, [
      id,
      slugBase(g.name),
      g.name,
      g.description,
      g.rules,
      g.rules ? renderMarkdown(g.rules) : '',
      rulesVersion,
      g.visibility,
      g.joinPolicy,
      g.members.length,
      userIds.get(g.members[0]),
      at,
      at,
    ]);
    for (const [m, key] of g.members.entries()) {
      const role = m === 0 ? 'owner' : m <= g.mods ? 'moderator' : 'member';
      const joined = new Date(at.getTime() + m * HOUR);
      await put(memberships, [
        id,
        userIds.get(key),
        role,
        'active',
        rulesVersion,
        m % 3 === 1 ? 'all' : 'questions',
        null,
        null,
        joined,
        joined,
        joined,
      ]);
    }
  }

  for (const t of DEMO_THREADS) {
    const { id: groupId, group } = groupById.get(t.group)!;
    const created = now - t.daysAgo * DAY;
    const threadId = ulidAt(created, rng);
    const voters = (exclude: string, n: number) =>
      group.members.filter((m) => m !== exclude).slice(0, n);
    const replyRows: unknown[][] = [];
    let lastActivity = created;
    let acceptedId: string | null = null;
    let liveReplies = 0;
    for (const r of t.replies) {
      const at = created + r.after * HOUR;
      const id = ulidAt(at, rng);
      const rVoters = voters(r.by, r.votes ?? 0);
      replyRows.push([
        id,
        userIds.get(r.by),
        r.body,
        renderMarkdown(r.body),
        rVoters.length,
        1,
        new Date(at),
        new Date(at),
        null,
        null,
        null,
        null,
        threadId,
        groupId,
        null,
      ]);
      for (const v of rVoters)
        await put(votes, [
          userIds.get(v),
          'reply',
          id,
          1,
          groupId,
          new Date(at + HOUR),
          new Date(at + HOUR),
        ]);
      if (r.accepted) acceptedId = id;
      liveReplies++;
      lastActivity = Math.max(lastActivity, at);
      for (const c of r.comments ?? []) {
        const cAt = created + c.after * HOUR;
        replyRows.push([
          ulidAt(cAt, rng),
          userIds.get(c.by),
          c.body,
          renderMarkdown(c.body),
          0,
          1,
          new Date(cAt),
          new Date(cAt),
          null,
          null,
          null,
          null,
          threadId,
          groupId,
          id,
        ]);
        liveReplies++;
        lastActivity = Math.max(lastActivity, cAt);
      }
    }
    const tVoters = voters(t.by, t.votes ?? 0);
    for (const v of tVoters)
      await put(votes, [
        userIds.get(v),
        'thread',
        threadId,
        1,
        groupId,
        new Date(created + HOUR),
        new Date(created + HOUR),
      ]);
    const at = new Date(created);
    await put(threads, [
      threadId,
      userIds.get(t.by),
      t.body,
      renderMarkdown(t.body),
      tVoters.length,
      1,
      at,
      at,
      null,
      null,
      null,
      null,
      groupId,
      t.kind,
      t.title,
      liveReplies,
      acceptedId,
      false,
      t.pinned ? 1 : 0,
      new Date(lastActivity),
    ]);
    for (const [p, tag] of t.tags.entries()) await put(tags, [threadId, tag, groupId, p]);
    await put(revisions, [
      ulidAt(created, rng),
      'thread',
      threadId,
      1,
      t.title,
      t.body,
      JSON.stringify(t.tags),
      userIds.get(t.by),
      at,
    ]);
    // Replies are written in time order, as they were posted; authors and repliers watch the thread.
    replyRows.sort((a, b) => (a[6] as Date).getTime() - (b[6] as Date).getTime());
    const watchers = new Set<unknown>([userIds.get(t.by)]);
    await put(watching, [threadId, userIds.get(t.by), groupId, 'watching', at, at]);
    for (const row of replyRows) {
      await put(replies, row);
      await put(revisions, [
        ulidAt((row[6] as Date).getTime(), rng),
        'reply',
        row[0],
        1,
        null,
        row[2],
        null,
        row[1],
        row[6],
      ]);
      if (!watchers.has(row[1])) {
        watchers.add(row[1]);
        await put(watching, [threadId, row[1], groupId, 'watching', row[6], row[6]]);
      }
    }
  }
}
