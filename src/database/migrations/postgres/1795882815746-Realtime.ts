import { MigrationInterface, QueryRunner } from 'typeorm';

export class Realtime1795882815746 implements MigrationInterface {
  name = 'Realtime1795882815746';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notifications" ("id" character varying(26) NOT NULL, "user_id" character varying(26) NOT NULL, "kind" character varying(10) NOT NULL, "actor_id" character varying(26), "group_id" character varying(26) NOT NULL, "thread_id" character varying(26) NOT NULL, "reply_id" character varying(26), "thread_title" character varying(200) NOT NULL DEFAULT '', "excerpt" character varying(300) NOT NULL DEFAULT '', "created_at" TIMESTAMP NOT NULL, "read_at" TIMESTAMP, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_unread" ON "notifications"  ("user_id", "read_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_id" ON "notifications"  ("user_id", "id") `);
    await queryRunner.query(`CREATE TABLE "thread_subscriptions" ("thread_id" character varying(26) NOT NULL, "user_id" character varying(26) NOT NULL, "group_id" character varying(26) NOT NULL, "level" character varying(10) NOT NULL, "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_1c21aab8db46a17c35a370d7ade" PRIMARY KEY ("thread_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_thread_subscriptions_user_level" ON "thread_subscriptions"  ("user_id", "level", "thread_id") `);
    await queryRunner.query(`CREATE INDEX "ix_thread_subscriptions_thread_level" ON "thread_subscriptions"  ("thread_id", "level", "user_id") `);
    await queryRunner.query(`CREATE TABLE "activity_events" ("id" SERIAL NOT NULL, "type" character varying(40) NOT NULL, "group_id" character varying(26), "thread_id" character varying(26), "user_id" character varying(26), "actor_id" character varying(26), "ref_id" character varying(26), "data" text, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_f8e8d9dbf64f93f58ae52b4a9e4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_activity_events_thread" ON "activity_events"  ("thread_id", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_activity_events_group" ON "activity_events"  ("group_id", "type", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_activity_events_user" ON "activity_events"  ("user_id", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_activity_events_created_at" ON "activity_events"  ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_activity_events_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_events_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_events_group"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_events_thread"`);
    await queryRunner.query(`DROP TABLE "activity_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_thread_subscriptions_thread_level"`);
    await queryRunner.query(`DROP INDEX "public"."ix_thread_subscriptions_user_level"`);
    await queryRunner.query(`DROP TABLE "thread_subscriptions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_user_unread"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
