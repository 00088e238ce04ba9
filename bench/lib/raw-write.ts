/**
 * The baseline of bench:write: the rows one posted question adds (the thread, its tags, its
 * first revision), inserted straight through better-sqlite3, one transaction per question as
 * Kring commits them, in WAL mode with synchronous=NORMAL like the server. No HTTP, no
 * validation, no access checks, no markdown rendering.
 *
 *   node scripts/ts-run.js bench/lib/raw-write.ts <sqlite file> <seconds> <group id> <author id,author id,...>
 *
 * Prints { questions, seconds, latencyMs: number[] } as JSON.
 */
import Database from 'better-sqlite3';
import { newId } from '../../src/common/ids';

const [file, secondsArg, groupId, authorList] = process.argv.slice(2);
const authors = authorList.split(',');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');

const thread = db.prepare(
  `INSERT INTO threads (id, author_id, body, html, score, revision_count, created_at, updated_at, edited_at, deleted_at, deleted_by_id, delete_reason, group_id, kind, title, reply_count, accepted_reply_id, locked, pinned, last_activity_at)
   VALUES (?, ?, ?, ?, 0, 1, ?, ?, NULL, NULL, NULL, NULL, ?, 'question', ?, 0, NULL, 0, 0, ?)`,
);
const tag = db.prepare(
  `INSERT INTO thread_tags (thread_id, tag, group_id, position) VALUES (?, ?, ?, ?)`,
);
const revision = db.prepare(
  `INSERT INTO revisions (id, target_type, target_id, revision, title, body, tags, editor_id, created_at) VALUES (?, 'thread', ?, 1, ?, ?, ?, ?, ?)`,
);
const tags = ['bench', 'load-test'];
const post = db.transaction((n: number, author: string) => {
  const id = newId();
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const title = `Benchmark question ${n}: how do you size a connection pool?`;
  const body =
    'We run **50 workers** and see queueing at peak.\n\nWhat pool size would you start with?';
  thread.run(id, author, body, `<p>${body}</p>`, now, now, groupId, title, now);
  tags.forEach((t, i) => tag.run(id, t, groupId, i));
  revision.run(newId(), id, title, body, JSON.stringify(tags), author, now);
});

const latencyMs: number[] = [];
const end = Date.now() + Number(secondsArg) * 1000;
let n = 0;
const start = process.hrtime.bigint();
while (Date.now() < end && n < 2_000_000) {
  const t0 = process.hrtime.bigint();
  post(++n, authors[n % authors.length]);
  latencyMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
db.close();
process.stdout.write(JSON.stringify({ questions: n, seconds, latencyMs }));
