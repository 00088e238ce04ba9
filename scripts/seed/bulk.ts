import { renderMarkdown } from '../../src/common/markdown';
import { asciiWords } from '../../src/common/text';
import { freeSlug, slugBase } from '../../src/modules/groups/slugs';
import { Progress } from './progress';
import { apportion, Rng, sortedOrder, ulidAt } from './random';
import type { SeedStore, TableWriter } from './store';
import * as V from './vocabulary';

export interface BulkOptions {
  users: number;
  groups: number;
  threads: number;
  replies: number;
  /** Total votes; default 3 per thread and 0.6 per reply. */
  votes?: number;
  seed: number;
  /** The newest content is from just before this instant. */
  until: Date;
  /** How far back the community goes. */
  days: number;
  /** argon2 hash of the password every seeded user signs in with (hashed once). */
  passwordHash: string;
}

export interface BulkResult {
  totals: Record<string, number>;
  seconds: number;
  largestGroup: { id: string; slug: string; memberCount: number };
  busiestThread: { id: string; answers: number };
}

/** Every table the bulk seed writes (their secondary indexes are rebuilt after the load). */
export const SEEDED_TABLES = [
  'users',
  'user_expertise',
  'groups',
  'memberships',
  'threads',
  'thread_tags',
  'revisions',
  'replies',
  'votes',
  'thread_subscriptions',
];

/** Seeded users sign in as user<N>@example.com, N from 1. */
export const seededEmail = (n: number) => `user${n}@example.com`;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const KIND = ['question', 'discussion', 'announcement'] as const;
const Q = 0;
const ANNOUNCEMENT = 2;

/** Fills {thing}, {Thing}, {other}, {trouble}, {setting}, {city} and {tag} from a domain. */
function fill(template: string, d: V.Domain, rng: Rng): string {
  const thing = rng.pick(d.things);
  let other = rng.pick(d.things);
  if (other === thing) other = d.things[(d.things.indexOf(thing) + 1) % d.things.length];
  return template
    .replace(/\{thing\}/g, thing)
    .replace(/\{Thing\}/g, thing[0].toUpperCase() + thing.slice(1))
    .replace(/\{other\}/g, other)
    .replace(/\{trouble\}/g, rng.pick(d.troubles))
    .replace(/\{setting\}/g, rng.pick(d.settings))
    .replace(/\{city\}/g, rng.pick(V.CITIES))
    .replace(/\{tag\}/g, rng.pick(d.tags));
}

interface Body {
  body: string;
  html: string;
}

/** Bodies are drawn from a pool per domain, each rendered once (rendering a million would take minutes). */
function bodyPools(rng: Rng): { threads: Body[][]; answers: Body[][]; comments: Body[][] } {
  const render = (body: string): Body => ({ body, html: renderMarkdown(body) });
  const threads = V.DOMAINS.map((d) =>
    Array.from({ length: 40 }, () =>
      render(
        [
          fill(rng.pick(V.OPENINGS), d, rng),
          fill(rng.pick(V.MIDDLES), d, rng),
          fill(rng.pick(V.CLOSINGS), d, rng),
        ].join('\n\n'),
      ),
    ),
  );
  const answers = V.DOMAINS.map((d) =>
    Array.from({ length: 48 }, () =>
      render(
        rng.chance(0.5)
          ? fill(rng.pick(V.ANSWERS), d, rng)
          : `${fill(rng.pick(V.ANSWERS), d, rng)}\n\n${fill(rng.pick(V.ANSWERS), d, rng)}`,
      ),
    ),
  );
  const comments = V.DOMAINS.map((d) =>
    Array.from({ length: 16 }, () => render(fill(rng.pick(V.COMMENTS), d, rng))),
  );
  return { threads, answers, comments };
}

/** Awaits only when the store had to (PostgreSQL batches); SQLite writes synchronously. */
async function put(w: TableWriter, row: unknown[]): Promise<void> {
  const p = w.add(row);
  if (p) await p;
}

/**
 * Generates a community of the requested size with a realistic shape and writes it in one
 * transaction. Shape: group sizes follow a power law (the largest group holds ~45% of the
 * users, the smallest a handful); busy groups get more threads; replies per thread are
 * skewed (many threads with a few, some with hundreds, a fifth unanswered); a few members
 * write most of the content; votes lean positive; ~45% of answered questions have an
 * accepted answer. Counters (memberCount, replyCount, score, lastActivityAt) are computed
 * from the generated rows, so they match what the server would have kept.
 */
export async function seedBulk(
  store: SeedStore,
  o: BulkOptions,
  progress: Progress,
): Promise<BulkResult> {
  const rng = new Rng(o.seed);
  const until = o.until.getTime();
  const from = until - o.days * DAY;
  const U = o.users;
  const G = Math.min(o.groups, U);

  // ---- users -------------------------------------------------------------------------------
  const userTime = new Float64Array(U);
  for (let i = 0; i < U; i++) userTime[i] = from + rng.next() * o.days * DAY * 0.4;
  userTime.sort();
  const userId: string[] = new Array(U);
  for (let i = 0; i < U; i++) userId[i] = ulidAt(userTime[i], rng);

  // ---- groups and their members -------------------------------------------------------------
  const largest = Math.max(1, Math.min(U, Math.round(U * 0.45)));
  const smallest = Math.min(largest, Math.max(5, Math.round(U * 0.0005)));
  const exponent = G > 1 ? Math.log(largest / smallest) / Math.log(G) : 0;
  const groupSize = Array.from({ length: G }, (_, k) =>
    Math.max(1, Math.min(U, Math.round(largest / Math.pow(k + 1, exponent)))),
  );
  const domainOrder = rng.sample(
    V.DOMAINS.map((_, i) => i),
    V.DOMAINS.length,
  );
  const usedInDomain = new Array(V.DOMAINS.length).fill(0);
  const slugs = new Set<string>();
  interface GroupPlan {
    id: string;
    slug: string;
    name: string;
    domain: number;
    createdAt: number;
    visibility: 'public' | 'private';
    joinPolicy: 'open' | 'approval' | 'invite';
    rules: string;
    /** Active members' user indices; owner first, then moderators. */
    active: Int32Array;
    staff: number;
    /** user index -> status/role for the membership rows. */
    others: { user: number; status: string }[];
  }
  const groups: GroupPlan[] = [];
  const everyone = Array.from({ length: U }, (_, i) => i);
  for (let k = 0; k < G; k++) {
    const domain = domainOrder[k % domainOrder.length];
    const d = V.DOMAINS[domain];
    const c = usedInDomain[domain]++;
    const sfx = V.GROUP_SUFFIXES.length;
    const name =
      c < sfx
        ? `${d.name} ${V.GROUP_SUFFIXES[c]}`
        : c < sfx * (V.CITIES.length + 1)
          ? `${d.name} ${V.CITIES[(c - sfx) % V.CITIES.length]} ${V.GROUP_SUFFIXES[Math.floor((c - sfx) / V.CITIES.length) % sfx]}`
          : `${d.name} ${V.GROUP_SUFFIXES[c % sfx]} ${c}`;
    const slug = freeSlug(slugBase(name), slugs);
    slugs.add(slug);
    const big = k < 3;
    const visibility = big || rng.chance(0.88) ? 'public' : 'private';
    const joinPolicy = big
      ? 'open'
      : visibility === 'private'
        ? rng.chance(0.5)
          ? 'invite'
          : 'approval'
        : rng.pick([
            'open',
            'open',
            'open',
            'open',
            'open',
            'open',
            'open',
            'approval',
            'approval',
            'invite',
          ] as const);
    const rules = k === 0 || rng.chance(0.35) ? rng.pick(V.RULES) : '';
    const members = rng.sample(everyone, groupSize[k]);
    // Some of the sampled people are not (or no longer) active members.
    const others: { user: number; status: string }[] = [];
    const active: number[] = [];
    members.forEach((u, i) => {
      if (i < 3) return active.push(u);
      const r = rng.next();
      if (joinPolicy === 'approval' && r < 0.03) others.push({ user: u, status: 'pending' });
      else if (joinPolicy === 'invite' && r < 0.03) others.push({ user: u, status: 'invited' });
      else if (r > 0.997) others.push({ user: u, status: 'banned' });
      else if (r > 0.98) others.push({ user: u, status: 'left' });
      else active.push(u);
    });
    groups.push({
      id: '',
      slug,
      name,
      domain,
      createdAt: from + Math.pow(rng.next(), 2) * o.days * DAY * 0.5,
      visibility,
      joinPolicy,
      rules,
      active: Int32Array.from(active),
      staff: active.length < 3 ? 1 : 1 + Math.max(1, Math.round(active.length / 250)),
      others,
    });
  }
  for (const g of groups) g.id = ulidAt(g.createdAt, rng);

  // ---- threads ------------------------------------------------------------------------------
  const T = G ? o.threads : 0;
  const perGroup = apportion(
    T,
    groups.map((g) => Math.pow(g.active.length, 0.9)),
  );
  const rawTime = new Float64Array(T);
  const rawGroup = new Int32Array(T);
  const rawAuthor = new Int32Array(T);
  const rawKind = new Uint8Array(T);
  for (let k = 0, t = 0; k < G; k++) {
    const g = groups[k];
    for (let j = 0; j < perGroup[k]; j++, t++) {
      rawTime[t] = g.createdAt + (until - HOUR - g.createdAt) * Math.pow(rng.next(), 0.6);
      rawGroup[t] = k;
      const r = rng.next();
      rawKind[t] = r < 0.58 ? 0 : r < 0.96 ? 1 : 2;
      rawAuthor[t] =
        rawKind[t] === ANNOUNCEMENT
          ? g.active[rng.int(Math.min(g.staff, g.active.length))]
          : g.active[rng.skewed(g.active.length)];
    }
  }
  const tOrder = sortedOrder(rawTime);
  const tTime = new Float64Array(T);
  const tGroup = new Int32Array(T);
  const tAuthor = new Int32Array(T);
  const tKind = new Uint8Array(T);
  for (let i = 0; i < T; i++) {
    const s = tOrder[i];
    tTime[i] = rawTime[s];
    tGroup[i] = rawGroup[s];
    tAuthor[i] = rawAuthor[s];
    tKind[i] = rawKind[s];
  }
  const threadId: string[] = new Array(T);
  for (let i = 0; i < T; i++) threadId[i] = ulidAt(tTime[i], rng);

  // ---- replies ------------------------------------------------------------------------------
  const R = T ? o.replies : 0;
  const replyWeight = new Float64Array(T);
  for (let i = 0; i < T; i++) {
    const size = groups[tGroup[i]].active.length;
    // About a fifth of the threads never get a reply; the rest follow a long tail.
    const silent = rng.chance(tKind[i] === ANNOUNCEMENT ? 0.5 : 0.2);
    replyWeight[i] = silent
      ? 0
      : (0.15 + Math.pow(rng.exp(1), 1.5)) *
        (1 + 0.25 * Math.log10(size + 1)) *
        (tKind[i] === ANNOUNCEMENT ? 0.3 : 1);
  }
  const perThread = apportion(R, replyWeight);
  const rawRTime = new Float64Array(R);
  const rawRThread = new Int32Array(R);
  const rawRParent = new Int32Array(R).fill(-1);
  const rawRAuthor = new Int32Array(R);
  const rawRDeleted = new Uint8Array(R);
  {
    let r = 0;
    const answersSoFar: number[] = [];
    for (let i = 0; i < T; i++) {
      const n = perThread[i];
      if (!n) continue;
      const g = groups[tGroup[i]];
      const span = until - tTime[i];
      let t = tTime[i] + Math.min(rng.exp(3 * HOUR), span * 0.2);
      const step = Math.max(1000, span / (2 * n + 2));
      answersSoFar.length = 0;
      for (let k = 0; k < n; k++, r++) {
        rawRTime[r] = Math.min(t, until - 1000);
        rawRThread[r] = i;
        if (k > 0 && rng.chance(0.22))
          rawRParent[r] =
            answersSoFar[answersSoFar.length - 1 - rng.skewed(answersSoFar.length, 1.5)];
        else answersSoFar.push(r);
        rawRAuthor[r] =
          rawRParent[r] >= 0 && rng.chance(0.3)
            ? tAuthor[i]
            : g.active[rng.skewed(g.active.length)];
        rawRDeleted[r] = rng.chance(0.004) ? 1 : 0;
        t += rng.exp(Math.min(DAY, step));
      }
    }
  }
  const rOrder = sortedOrder(rawRTime);
  const rank = new Int32Array(R);
  for (let i = 0; i < R; i++) rank[rOrder[i]] = i;
  const rTime = new Float64Array(R);
  const rThread = new Int32Array(R);
  const rParent = new Int32Array(R);
  const rAuthor = new Int32Array(R);
  const rDeleted = new Uint8Array(R);
  for (let i = 0; i < R; i++) {
    const s = rOrder[i];
    rTime[i] = rawRTime[s];
    rThread[i] = rawRThread[s];
    rParent[i] = rawRParent[s] >= 0 ? rank[rawRParent[s]] : -1;
    rAuthor[i] = rawRAuthor[s];
    rDeleted[i] = rawRDeleted[s];
  }
  const replyId: string[] = new Array(R);
  for (let i = 0; i < R; i++) replyId[i] = ulidAt(rTime[i], rng);

  // ---- votes and scores ---------------------------------------------------------------------
  const voteScale = o.votes === undefined ? 1 : o.votes / Math.max(1, 3 * T + 0.6 * R);
  const vUser: number[] = [];
  const vTarget: number[] = [];
  const vIsReply: number[] = [];
  const vValue: number[] = [];
  const vTime: number[] = [];
  const tScore = new Int32Array(T);
  const rScore = new Int32Array(R);
  const voters = new Set<number>();
  const vote = (
    isReply: number,
    target: number,
    group: GroupPlan,
    author: number,
    at: number,
    mean: number,
    score: Int32Array,
  ) => {
    const n = Math.min(group.active.length - 1, 300, Math.floor(rng.exp(mean)));
    voters.clear();
    for (let tries = 0; voters.size < n && tries < n * 4; tries++) {
      const u = group.active[rng.skewed(group.active.length, 1.3)];
      if (u === author || voters.has(u)) continue;
      voters.add(u);
      const r = rng.next();
      const value = r < 0.8 ? 1 : r < 0.94 ? -1 : 0;
      vUser.push(u);
      vTarget.push(target);
      vIsReply.push(isReply);
      vValue.push(value);
      vTime.push(at + (until - at) * rng.next() * 0.5);
      score[target] += value;
    }
  };
  for (let i = 0; i < T; i++) {
    const g = groups[tGroup[i]];
    vote(
      0,
      i,
      g,
      tAuthor[i],
      tTime[i],
      3 * voteScale * (0.5 + 0.2 * Math.log10(g.active.length + 1)),
      tScore,
    );
  }
  for (let i = 0; i < R; i++)
    vote(
      1,
      i,
      groups[tGroup[rThread[i]]],
      rAuthor[i],
      rTime[i],
      0.6 * voteScale * (rParent[i] < 0 ? 1.2 : 0.3),
      rScore,
    );

  // ---- thread counters, accepted answers, pins, locks ----------------------------------------
  const replyCount = new Int32Array(T);
  const answers = new Int32Array(T);
  const lastActivity = Float64Array.from(tTime);
  const bestAnswer = new Int32Array(T).fill(-1);
  for (let i = 0; i < R; i++) {
    const t = rThread[i];
    if (rTime[i] > lastActivity[t]) lastActivity[t] = rTime[i];
    if (rDeleted[i]) continue;
    replyCount[t]++;
    if (rParent[i] < 0) {
      answers[t]++;
      if (bestAnswer[t] < 0 || rScore[i] > rScore[bestAnswer[t]]) bestAnswer[t] = i;
    }
  }
  const accepted = new Int32Array(T).fill(-1);
  const pinned = new Uint8Array(T);
  const locked = new Uint8Array(T);
  const deleted = new Uint8Array(T);
  const lastAnnouncements: number[][] = groups.map(() => []);
  for (let i = 0; i < T; i++) {
    if (tKind[i] === Q && bestAnswer[i] >= 0 && rng.chance(0.45)) accepted[i] = bestAnswer[i];
    if (tKind[i] === ANNOUNCEMENT) {
      const list = lastAnnouncements[tGroup[i]];
      list.push(i);
      if (list.length > 2) list.shift();
    }
    if (tTime[i] < until - 30 * DAY && rng.chance(0.004)) locked[i] = 1;
    if (rng.chance(0.002) && accepted[i] < 0) deleted[i] = 1;
  }
  for (const list of lastAnnouncements) for (const i of list) if (!deleted[i]) pinned[i] = 1;

  // ---- write --------------------------------------------------------------------------------
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
  const groupRows = w('groups', [
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
  // Authors and repliers watch the threads they posted in, from their first post there (as the server does).
  const watchers = new Set<number>();
  const watch = async (thread: number, user: number, groupId: string, at: Date) => {
    const key = thread * U + user;
    if (watchers.has(key)) return;
    watchers.add(key);
    await put(watching, [threadId[thread], userId[user], groupId, 'watching', at, at]);
  };

  const pools = bodyPools(rng);

  progress.phase('users', users, U);
  const handles = new Map<string, number>();
  for (let i = 0; i < U; i++) {
    const first = rng.pick(V.FIRST_NAMES);
    const last = rng.pick(V.LAST_NAMES);
    const displayName = `${first} ${last}`;
    const base = asciiWords(displayName, '_', 24);
    const seen = handles.get(base) ?? 0;
    handles.set(base, seen + 1);
    const handle = seen ? `${base}${seen + 1}` : base;
    const headline = rng.chance(0.7) ? `${rng.pick(V.JOB_TITLES)} at ${rng.pick(V.COMPANIES)}` : '';
    const bio = rng.chance(0.3)
      ? `Working on ${rng.pick(rng.pick(V.DOMAINS).things)}. Happy to help with questions.`
      : '';
    const at = new Date(userTime[i]);
    await put(users, [
      userId[i],
      seededEmail(i + 1),
      o.passwordHash,
      displayName,
      handle,
      headline,
      bio,
      0,
      at,
      at,
    ]);
    if (rng.chance(0.3)) {
      const d = rng.pick(V.DOMAINS);
      const mine = rng.sample(d.tags, rng.between(1, 3));
      for (let p = 0; p < mine.length; p++) await put(expertise, [userId[i], mine[p], p]);
    }
    progress.tick();
  }

  progress.phase('groups', groupRows, G);
  const rulesHtml = new Map(V.RULES.map((r) => [r, renderMarkdown(r)]));
  for (const g of groups) {
    const d = V.DOMAINS[g.domain];
    const at = new Date(g.createdAt);
    const description = `A group for people working on ${d.things.slice(0, 3).join(', ')} and more: questions, war stories and meetups.`;
    await put(groupRows, [
      g.id,
      g.slug,
      g.name,
      description,
      g.rules,
      g.rules ? rulesHtml.get(g.rules)! : '',
      g.rules ? 1 : 0,
      g.visibility,
      g.joinPolicy,
      g.active.length,
      userId[g.active[0]],
      at,
      at,
    ]);
    progress.tick();
  }

  const membershipTotal = groups.reduce((n, g) => n + g.active.length + g.others.length, 0);
  progress.phase('memberships', memberships, membershipTotal);
  for (const g of groups) {
    const rulesVersion = g.rules ? 1 : 0;
    const joined = () => new Date(g.createdAt + (until - g.createdAt) * Math.pow(rng.next(), 3));
    for (let i = 0; i < g.active.length; i++) {
      const role = i === 0 ? 'owner' : i < g.staff ? 'moderator' : 'member';
      const r = rng.next();
      const level = r < 0.7 ? 'questions' : r < 0.85 ? 'all' : r < 0.95 ? 'mentions' : 'muted';
      const at = i === 0 ? new Date(g.createdAt) : joined();
      await put(memberships, [
        g.id,
        userId[g.active[i]],
        role,
        'active',
        rulesVersion,
        level,
        null,
        null,
        at,
        at,
        at,
      ]);
      progress.tick();
    }
    for (const m of g.others) {
      const at = joined();
      const was = m.status === 'banned' || m.status === 'left';
      await put(memberships, [
        g.id,
        userId[m.user],
        'member',
        m.status,
        was ? rulesVersion : 0,
        'questions',
        m.status === 'banned' ? 'Repeated self-promotion after a warning' : null,
        m.status === 'invited' ? userId[g.active[0]] : null,
        was ? at : null,
        at,
        at,
      ]);
    }
  }

  progress.phase('threads', threads, T);
  for (let i = 0; i < T; i++) {
    const g = groups[tGroup[i]];
    const d = V.DOMAINS[g.domain];
    const kind = tKind[i];
    const title = fill(
      rng.pick(
        kind === Q
          ? V.QUESTION_TITLES
          : kind === ANNOUNCEMENT
            ? V.ANNOUNCEMENT_TITLES
            : V.DISCUSSION_TITLES,
      ),
      d,
      rng,
    ).slice(0, 200);
    const body = rng.pick(pools.threads[g.domain]);
    const r = rng.next();
    const nTags = r < 0.15 ? 0 : r < 0.4 ? 1 : r < 0.7 ? 2 : r < 0.9 ? 3 : r < 0.97 ? 4 : 5;
    const myTags = rng.sample(d.tags, Math.min(nTags, d.tags.length));
    const at = new Date(tTime[i]);
    const del = deleted[i]
      ? new Date(lastActivity[i] + (until - lastActivity[i]) * rng.next())
      : null;
    await put(threads, [
      threadId[i],
      userId[tAuthor[i]],
      body.body,
      body.html,
      tScore[i],
      1,
      at,
      del ?? at,
      null,
      del,
      del ? userId[tAuthor[i]] : null,
      null,
      g.id,
      KIND[kind],
      title,
      replyCount[i],
      accepted[i] >= 0 ? replyId[accepted[i]] : null,
      locked[i] === 1,
      pinned[i],
      new Date(lastActivity[i]),
    ]);
    for (let p = 0; p < myTags.length; p++) await put(tags, [threadId[i], myTags[p], g.id, p]);
    await put(revisions, [
      ulidAt(tTime[i], rng),
      'thread',
      threadId[i],
      1,
      title,
      body.body,
      JSON.stringify(myTags),
      userId[tAuthor[i]],
      at,
    ]);
    await watch(i, tAuthor[i], g.id, at);
    progress.tick();
  }

  progress.phase('replies', replies, R);
  for (let i = 0; i < R; i++) {
    const t = rThread[i];
    const g = groups[tGroup[t]];
    const body = rng.pick(rParent[i] < 0 ? pools.answers[g.domain] : pools.comments[g.domain]);
    const at = new Date(rTime[i]);
    const del = rDeleted[i] ? new Date(rTime[i] + (until - rTime[i]) * rng.next()) : null;
    await put(replies, [
      replyId[i],
      userId[rAuthor[i]],
      body.body,
      body.html,
      rScore[i],
      1,
      at,
      del ?? at,
      null,
      del,
      del ? userId[rAuthor[i]] : null,
      null,
      threadId[t],
      g.id,
      rParent[i] >= 0 ? replyId[rParent[i]] : null,
    ]);
    await put(revisions, [
      ulidAt(rTime[i], rng),
      'reply',
      replyId[i],
      1,
      null,
      body.body,
      null,
      userId[rAuthor[i]],
      at,
    ]);
    await watch(t, rAuthor[i], g.id, at);
    progress.tick();
  }

  progress.phase('votes', votes, vUser.length);
  for (let k = 0; k < vUser.length; k++) {
    const target = vTarget[k];
    const group = vIsReply[k] ? groups[tGroup[rThread[target]]] : groups[tGroup[target]];
    const at = new Date(vTime[k]);
    await put(votes, [
      userId[vUser[k]],
      vIsReply[k] ? 'reply' : 'thread',
      vIsReply[k] ? replyId[target] : threadId[target],
      vValue[k],
      group.id,
      at,
      at,
    ]);
    progress.tick();
  }
  progress.endPhase();

  let busiest = -1;
  for (let i = 0; i < T; i++)
    if (tGroup[i] === 0 && !deleted[i] && (busiest < 0 || answers[i] > answers[busiest]))
      busiest = i;
  return {
    totals: progress.totals(),
    seconds: progress.elapsedSeconds(),
    largestGroup: {
      id: groups[0]?.id ?? '',
      slug: groups[0]?.slug ?? '',
      memberCount: groups[0]?.active.length ?? 0,
    },
    busiestThread: {
      id: busiest >= 0 ? threadId[busiest] : '',
      answers: busiest >= 0 ? answers[busiest] : 0,
    },
  };
}
