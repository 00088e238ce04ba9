/**
 * The baseline of bench:read: the same pages as Kring's routes, answered by a bare node:http
 * server straight from better-sqlite3 (prepared statements, no framework, no ORM, no auth
 * check). It runs the same queries a page needs (the rows, their tags, authors and the
 * viewer's votes; for replies the first comments of each answer) and writes the same JSON shape.
 *
 *   node scripts/ts-run.js bench/lib/raw-read-server.ts <sqlite file> <port> <viewer user id>
 *
 *   GET /api/groups/:groupId/threads      latest page of 20, pinned first
 *   GET /api/threads/:threadId            one thread
 *   GET /api/threads/:threadId/replies    first 20 answers, each with its first 10 comments
 */
import Database from 'better-sqlite3';
import { createServer, ServerResponse } from 'node:http';

const [file, portArg, viewer] = process.argv.slice(2);
const db = new Database(file);
db.pragma('busy_timeout = 5000');

type Row = Record<string, unknown>;
const iso = (s: unknown) => (typeof s === 'string' ? s.replace(' ', 'T') + 'Z' : null);

const stmts = new Map<string, Database.Statement>();
/** A statement with `(?,?,…)` sized for `n` ids, prepared once per size. */
function inList(sql: string, n: number): Database.Statement {
  const key = `${sql}#${n}`;
  let s = stmts.get(key);
  if (!s) stmts.set(key, (s = db.prepare(sql.replace('(?)', `(${Array(n).fill('?').join(',')})`))));
  return s;
}

const feedPage = db.prepare(
  `SELECT * FROM threads t WHERE t.group_id = ? AND t.deleted_at IS NULL ORDER BY t.pinned DESC, t.created_at DESC, t.id DESC LIMIT 21`,
);
const threadById = db.prepare(`SELECT * FROM threads WHERE id = ?`);
const groupById = db.prepare(`SELECT id, slug, name FROM groups WHERE id = ?`);
const answersPage = db.prepare(
  `SELECT * FROM replies r WHERE r.thread_id = ? AND r.parent_reply_id IS NULL ORDER BY r.created_at, r.id LIMIT 21`,
);

function authors(ids: string[]): Map<string, Row> {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? (inList(
        `SELECT id, handle, display_name, headline FROM users WHERE id IN (?)`,
        unique.length,
      ).all(...unique) as Row[])
    : [];
  return new Map(
    rows.map((u) => [
      u.id as string,
      { id: u.id, handle: u.handle, displayName: u.display_name, headline: u.headline },
    ]),
  );
}

function votes(type: 'thread' | 'reply', ids: string[]): Map<string, number> {
  if (!ids.length) return new Map();
  const rows = inList(
    `SELECT target_id, value FROM votes WHERE user_id = ? AND target_type = ? AND target_id IN (?)`,
    ids.length,
  ).all(viewer, type, ...ids) as Row[];
  return new Map(rows.map((v) => [v.target_id as string, v.value as number]));
}

function threads(rows: Row[]): unknown[] {
  const ids = rows.map((t) => t.id as string);
  const tagRows = ids.length
    ? (inList(
        `SELECT thread_id, tag FROM thread_tags WHERE thread_id IN (?) ORDER BY thread_id, position`,
        ids.length,
      ).all(...ids) as Row[])
    : [];
  const tags = new Map<string, string[]>();
  for (const r of tagRows)
    tags.set(r.thread_id as string, [...(tags.get(r.thread_id as string) ?? []), r.tag as string]);
  const people = authors(rows.map((t) => t.author_id as string));
  const mine = votes('thread', ids);
  const group = rows.length ? (groupById.get(rows[0].group_id) as Row) : null;
  return rows.map((t) => ({
    id: t.id,
    groupId: t.group_id,
    group,
    kind: t.kind,
    title: t.title,
    body: t.body,
    html: t.html,
    tags: tags.get(t.id as string) ?? [],
    author: people.get(t.author_id as string),
    score: t.score,
    replyCount: t.reply_count,
    acceptedReplyId: t.accepted_reply_id,
    locked: !!t.locked,
    pinned: !!t.pinned,
    vote: mine.get(t.id as string) ?? 0,
    revisionCount: t.revision_count,
    createdAt: iso(t.created_at),
    lastActivityAt: iso(t.last_activity_at),
    editedAt: iso(t.edited_at),
    deleted: !!t.deleted_at,
    deletedBy: null,
  }));
}

function replies(rows: Row[], accepted: unknown): Row[] {
  const people = authors(rows.map((r) => r.author_id as string));
  const mine = votes(
    'reply',
    rows.map((r) => r.id as string),
  );
  return rows.map((r) => ({
    id: r.id,
    threadId: r.thread_id,
    groupId: r.group_id,
    parentReplyId: r.parent_reply_id,
    body: r.body,
    html: r.html,
    author: people.get(r.author_id as string),
    score: r.score,
    vote: mine.get(r.id as string) ?? 0,
    accepted: r.id === accepted,
    revisionCount: r.revision_count,
    createdAt: iso(r.created_at),
    editedAt: iso(r.edited_at),
    deleted: !!r.deleted_at,
    deletedBy: null,
  }));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const cursor = (rows: Row[]) =>
  rows.length > 20
    ? Buffer.from(JSON.stringify([rows[19].created_at, rows[19].id])).toString('base64url')
    : null;

const server = createServer((req, res) => {
  const path = (req.url ?? '').split('?')[0];
  let m: RegExpExecArray | null;
  if ((m = /^\/api\/groups\/([^/]+)\/threads$/.exec(path))) {
    const rows = feedPage.all(m[1]) as Row[];
    return send(res, 200, { items: threads(rows.slice(0, 20)), nextCursor: cursor(rows) });
  }
  if ((m = /^\/api\/threads\/([^/]+)$/.exec(path))) {
    const t = threadById.get(m[1]) as Row | undefined;
    return t ? send(res, 200, threads([t])[0]) : send(res, 404, { statusCode: 404 });
  }
  if ((m = /^\/api\/threads\/([^/]+)\/replies$/.exec(path))) {
    const t = threadById.get(m[1]) as Row | undefined;
    if (!t) return send(res, 404, { statusCode: 404 });
    const rows = answersPage.all(m[1]) as Row[];
    const page = rows.slice(0, 20);
    const ids = page.map((a) => a.id as string);
    const comments = ids.length
      ? (inList(
          `SELECT * FROM replies WHERE id IN (SELECT id FROM (SELECT c.id, ROW_NUMBER() OVER (PARTITION BY c.parent_reply_id ORDER BY c.created_at, c.id) AS rn FROM replies c WHERE c.thread_id = ? AND c.parent_reply_id IN (?)) WHERE rn <= 11) ORDER BY created_at, id`,
          ids.length,
        ).all(m[1], ...ids) as Row[])
      : [];
    const views = new Map(
      replies([...page, ...comments], t.accepted_reply_id).map((v) => [v.id as string, v]),
    );
    const under = new Map<string, Row[]>();
    for (const c of comments)
      under.set(c.parent_reply_id as string, [
        ...(under.get(c.parent_reply_id as string) ?? []),
        views.get(c.id as string)!,
      ]);
    const items = page.map((a) => {
      const all = under.get(a.id as string) ?? [];
      return {
        ...views.get(a.id as string),
        comments: all.slice(0, 10),
        moreComments: all.length > 10,
      };
    });
    return send(res, 200, { items, nextCursor: cursor(rows) });
  }
  send(res, 404, { statusCode: 404 });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write(`listening ${portArg}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
