import { MigrationInterface, QueryRunner } from 'typeorm';

export class Realtime1795882815746 implements MigrationInterface {
  name = 'Realtime1795882815746';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notifications" ("id" varchar(26) PRIMARY KEY NOT NULL, "user_id" varchar(26) NOT NULL, "kind" varchar(10) NOT NULL, "actor_id" varchar(26), "group_id" varchar(26) NOT NULL, "thread_id" varchar(26) NOT NULL, "reply_id" varchar(26), "thread_title" varchar(200) NOT NULL DEFAULT (''), "excerpt" varchar(300) NOT NULL DEFAULT (''), "created_at" datetime NOT NULL, "read_at" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_unread" ON "notifications" ("user_id", "read_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_id" ON "notifications" ("user_id", "id") `);
    await queryRunner.query(`CREATE TABLE "thread_subscriptions" ("thread_id" varchar(26) NOT NULL, "user_id" varchar(26) NOT NULL, "group_id" varchar(26) NOT NULL, "level" varchar(10) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, PRIMARY KEY ("thread_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_thread_subscriptions_user_level" ON "thread_subscriptions" ("user_id", "level", "thread_id") `);
    await queryRunner.query(`CREATE INDEX "ix_thread_subscriptions_thread_level" ON "thread_subscriptions" ("thread_id", "level", "user_id") `);
    await queryRunner.query(`CREATE TABLE "activity_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(40) NOT NULL, "group_id" varchar(26), "thread_id" varchar(26), "user_id" varchar(26), "actor_id" varchar(26), "ref_id" varchar(26), "data" text, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_activity_events_thread" ON "activity_events" ("thread_id", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_activity_events_group" ON "activity_events" ("group_id", "type", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_activity_events_user" ON "activity_events" ("user_id", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_activity_events_created_at" ON "activity_events" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_activity_events_created_at"`);
    await queryRunner.query(`DROP INDEX "ix_activity_events_user"`);
    await queryRunner.query(`DROP INDEX "ix_activity_events_group"`);
    await queryRunner.query(`DROP INDEX "ix_activity_events_thread"`);
    await queryRunner.query(`DROP TABLE "activity_events"`);
    await queryRunner.query(`DROP INDEX "ix_thread_subscriptions_thread_level"`);
    await queryRunner.query(`DROP INDEX "ix_thread_subscriptions_user_level"`);
    await queryRunner.query(`DROP TABLE "thread_subscriptions"`);
    await queryRunner.query(`DROP INDEX "ix_notifications_user_id"`);
    await queryRunner.query(`DROP INDEX "ix_notifications_user_unread"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
