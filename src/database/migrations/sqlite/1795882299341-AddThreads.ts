import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddThreads1795882299341 implements MigrationInterface {
  name = 'AddThreads1795882299341';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "replies" ("id" varchar(26) PRIMARY KEY NOT NULL, "author_id" varchar(26) NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "score" integer NOT NULL DEFAULT (0), "revision_count" integer NOT NULL DEFAULT (1), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "edited_at" datetime, "deleted_at" datetime, "deleted_by_id" varchar(26), "delete_reason" text, "thread_id" varchar(26) NOT NULL, "group_id" varchar(26) NOT NULL, "parent_reply_id" varchar(26))`);
    await queryRunner.query(`CREATE INDEX "ix_replies_author" ON "replies" ("author_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_replies_thread_top" ON "replies" ("thread_id", "parent_reply_id", "score", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_replies_thread_oldest" ON "replies" ("thread_id", "parent_reply_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "revisions" ("id" varchar(26) PRIMARY KEY NOT NULL, "target_type" varchar(10) NOT NULL, "target_id" varchar(26) NOT NULL, "revision" integer NOT NULL, "title" varchar(200), "body" text NOT NULL, "tags" text, "editor_id" varchar(26) NOT NULL, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_revisions_target_revision" ON "revisions" ("target_type", "target_id", "revision") `);
    await queryRunner.query(`CREATE TABLE "thread_tags" ("thread_id" varchar(26) NOT NULL, "tag" varchar(30) NOT NULL, "group_id" varchar(26) NOT NULL, "position" integer NOT NULL DEFAULT (0), PRIMARY KEY ("thread_id", "tag"))`);
    await queryRunner.query(`CREATE INDEX "ix_thread_tags_group_tag" ON "thread_tags" ("group_id", "tag", "thread_id") `);
    await queryRunner.query(`CREATE TABLE "threads" ("id" varchar(26) PRIMARY KEY NOT NULL, "author_id" varchar(26) NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "score" integer NOT NULL DEFAULT (0), "revision_count" integer NOT NULL DEFAULT (1), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "edited_at" datetime, "deleted_at" datetime, "deleted_by_id" varchar(26), "delete_reason" text, "group_id" varchar(26) NOT NULL, "kind" varchar(12) NOT NULL, "title" varchar(200) NOT NULL, "reply_count" integer NOT NULL DEFAULT (0), "accepted_reply_id" varchar(26), "locked" boolean NOT NULL DEFAULT (0), "pinned" integer NOT NULL, "last_activity_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_threads_author" ON "threads" ("author_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_active" ON "threads" ("last_activity_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_latest" ON "threads" ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_unanswered" ON "threads" ("group_id", "kind", "reply_count", "pinned", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_kind_latest" ON "threads" ("group_id", "kind", "pinned", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_top" ON "threads" ("group_id", "pinned", "score", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_active" ON "threads" ("group_id", "pinned", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_latest" ON "threads" ("group_id", "pinned", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "votes" ("user_id" varchar(26) NOT NULL, "target_type" varchar(10) NOT NULL, "target_id" varchar(26) NOT NULL, "value" integer NOT NULL, "group_id" varchar(26) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, PRIMARY KEY ("user_id", "target_type", "target_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_votes_target" ON "votes" ("target_type", "target_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_votes_target"`);
    await queryRunner.query(`DROP TABLE "votes"`);
    await queryRunner.query(`DROP INDEX "ix_threads_group_latest"`);
    await queryRunner.query(`DROP INDEX "ix_threads_group_active"`);
    await queryRunner.query(`DROP INDEX "ix_threads_group_top"`);
    await queryRunner.query(`DROP INDEX "ix_threads_group_kind_latest"`);
    await queryRunner.query(`DROP INDEX "ix_threads_group_unanswered"`);
    await queryRunner.query(`DROP INDEX "ix_threads_latest"`);
    await queryRunner.query(`DROP INDEX "ix_threads_active"`);
    await queryRunner.query(`DROP INDEX "ix_threads_author"`);
    await queryRunner.query(`DROP TABLE "threads"`);
    await queryRunner.query(`DROP INDEX "ix_thread_tags_group_tag"`);
    await queryRunner.query(`DROP TABLE "thread_tags"`);
    await queryRunner.query(`DROP INDEX "uq_revisions_target_revision"`);
    await queryRunner.query(`DROP TABLE "revisions"`);
    await queryRunner.query(`DROP INDEX "ix_replies_thread_oldest"`);
    await queryRunner.query(`DROP INDEX "ix_replies_thread_top"`);
    await queryRunner.query(`DROP INDEX "ix_replies_author"`);
    await queryRunner.query(`DROP TABLE "replies"`);
  }
}
