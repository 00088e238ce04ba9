import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddThreads1795882299341 implements MigrationInterface {
  name = 'AddThreads1795882299341';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "replies" ("id" character varying(26) NOT NULL, "author_id" character varying(26) NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "score" integer NOT NULL DEFAULT '0', "revision_count" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "edited_at" TIMESTAMP, "deleted_at" TIMESTAMP, "deleted_by_id" character varying(26), "delete_reason" text, "thread_id" character varying(26) NOT NULL, "group_id" character varying(26) NOT NULL, "parent_reply_id" character varying(26), CONSTRAINT "PK_08f619ebe431e27e9d206bea132" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_replies_author" ON "replies"  ("author_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_replies_thread_top" ON "replies"  ("thread_id", "parent_reply_id", "score", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_replies_thread_oldest" ON "replies"  ("thread_id", "parent_reply_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "revisions" ("id" character varying(26) NOT NULL, "target_type" character varying(10) NOT NULL, "target_id" character varying(26) NOT NULL, "revision" integer NOT NULL, "title" character varying(200), "body" text NOT NULL, "tags" text, "editor_id" character varying(26) NOT NULL, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_4aa9ee2c71c50508c3c501573c9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_revisions_target_revision" ON "revisions"  ("target_type", "target_id", "revision") `);
    await queryRunner.query(`CREATE TABLE "thread_tags" ("thread_id" character varying(26) NOT NULL, "tag" character varying(30) NOT NULL, "group_id" character varying(26) NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_4b5e764ecb031636d058905b328" PRIMARY KEY ("thread_id", "tag"))`);
    await queryRunner.query(`CREATE INDEX "ix_thread_tags_group_tag" ON "thread_tags"  ("group_id", "tag", "thread_id") `);
    await queryRunner.query(`CREATE TABLE "threads" ("id" character varying(26) NOT NULL, "author_id" character varying(26) NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "score" integer NOT NULL DEFAULT '0', "revision_count" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "edited_at" TIMESTAMP, "deleted_at" TIMESTAMP, "deleted_by_id" character varying(26), "delete_reason" text, "group_id" character varying(26) NOT NULL, "kind" character varying(12) NOT NULL, "title" character varying(200) NOT NULL, "reply_count" integer NOT NULL DEFAULT '0', "accepted_reply_id" character varying(26), "locked" boolean NOT NULL DEFAULT false, "pinned" integer NOT NULL, "last_activity_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_d8a74804c34fc3900502cd27275" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_threads_author" ON "threads"  ("author_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_active" ON "threads"  ("last_activity_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_latest" ON "threads"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_unanswered" ON "threads"  ("group_id", "kind", "reply_count", "pinned", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_kind_latest" ON "threads"  ("group_id", "kind", "pinned", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_top" ON "threads"  ("group_id", "pinned", "score", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_active" ON "threads"  ("group_id", "pinned", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_threads_group_latest" ON "threads"  ("group_id", "pinned", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "votes" ("user_id" character varying(26) NOT NULL, "target_type" character varying(10) NOT NULL, "target_id" character varying(26) NOT NULL, "value" integer NOT NULL, "group_id" character varying(26) NOT NULL, "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_85ca6c9df5cc018a054f5c90b38" PRIMARY KEY ("user_id", "target_type", "target_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_votes_target" ON "votes"  ("target_type", "target_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_votes_target"`);
    await queryRunner.query(`DROP TABLE "votes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_threads_group_latest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_threads_group_active"`);
    await queryRunner.query(`DROP INDEX "public"."ix_threads_group_top"`);
    await queryRunner.query(`DROP INDEX "public"."ix_threads_group_kind_latest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_threads_group_unanswered"`);
    await queryRunner.query(`DROP INDEX "public"."ix_threads_latest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_threads_active"`);
    await queryRunner.query(`DROP INDEX "public"."ix_threads_author"`);
    await queryRunner.query(`DROP TABLE "threads"`);
    await queryRunner.query(`DROP INDEX "public"."ix_thread_tags_group_tag"`);
    await queryRunner.query(`DROP TABLE "thread_tags"`);
    await queryRunner.query(`DROP INDEX "public"."uq_revisions_target_revision"`);
    await queryRunner.query(`DROP TABLE "revisions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_replies_thread_oldest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_replies_thread_top"`);
    await queryRunner.query(`DROP INDEX "public"."ix_replies_author"`);
    await queryRunner.query(`DROP TABLE "replies"`);
  }
}
