import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795880940045 implements MigrationInterface {
  name = 'Init1795880940045';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "groups" ("id" varchar(26) PRIMARY KEY NOT NULL, "slug" varchar(60) NOT NULL, "name" varchar(100) NOT NULL, "description" text NOT NULL DEFAULT (''), "rules" text NOT NULL DEFAULT (''), "rules_version" integer NOT NULL DEFAULT (0), "visibility" varchar(10) NOT NULL, "join_policy" varchar(10) NOT NULL, "member_count" integer NOT NULL DEFAULT (0), "created_by_id" varchar(26) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_groups_slug" ON "groups" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_groups_visibility_id" ON "groups" ("visibility", "id") `);
    await queryRunner.query(`CREATE TABLE "memberships" ("group_id" varchar(26) NOT NULL, "user_id" varchar(26) NOT NULL, "role" varchar(10) NOT NULL DEFAULT ('member'), "status" varchar(10) NOT NULL, "accepted_rules_version" integer NOT NULL DEFAULT (0), "subscription_level" varchar(10) NOT NULL DEFAULT ('questions'), "ban_reason" text, "invited_by_id" varchar(26), "joined_at" datetime, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, PRIMARY KEY ("group_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_memberships_group_status_role" ON "memberships" ("group_id", "status", "role", "user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_memberships_user_status" ON "memberships" ("user_id", "status", "group_id") `);
    await queryRunner.query(`CREATE TABLE "audit_entries" ("id" varchar(26) PRIMARY KEY NOT NULL, "group_id" varchar(26) NOT NULL, "actor_id" varchar(26) NOT NULL, "action" varchar(40) NOT NULL, "target_type" varchar(10) NOT NULL, "target_id" varchar(26) NOT NULL, "reason" text, "data" text, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_audit_entries_group_id" ON "audit_entries" ("group_id", "id") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(26) PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "password_hash" varchar(255) NOT NULL, "display_name" varchar(100) NOT NULL, "handle" varchar(30) NOT NULL, "headline" varchar(200) NOT NULL DEFAULT (''), "bio" text NOT NULL DEFAULT (''), "token_version" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_handle" ON "users" ("handle") `);
    await queryRunner.query(`CREATE TABLE "user_expertise" ("user_id" varchar(26) NOT NULL, "tag" varchar(30) NOT NULL, "position" integer NOT NULL DEFAULT (0), PRIMARY KEY ("user_id", "tag"))`);
    await queryRunner.query(`CREATE INDEX "ix_user_expertise_tag" ON "user_expertise" ("tag", "user_id") `);
    await queryRunner.query(`DROP INDEX "ix_user_expertise_tag"`);
    await queryRunner.query(`CREATE TABLE "temporary_user_expertise" ("user_id" varchar(26) NOT NULL, "tag" varchar(30) NOT NULL, "position" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_930d13f72d01b6614c887dded1d" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("user_id", "tag"))`);
    await queryRunner.query(`INSERT INTO "temporary_user_expertise"("user_id", "tag", "position") SELECT "user_id", "tag", "position" FROM "user_expertise"`);
    await queryRunner.query(`DROP TABLE "user_expertise"`);
    await queryRunner.query(`ALTER TABLE "temporary_user_expertise" RENAME TO "user_expertise"`);
    await queryRunner.query(`CREATE INDEX "ix_user_expertise_tag" ON "user_expertise" ("tag", "user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_user_expertise_tag"`);
    await queryRunner.query(`ALTER TABLE "user_expertise" RENAME TO "temporary_user_expertise"`);
    await queryRunner.query(`CREATE TABLE "user_expertise" ("user_id" varchar(26) NOT NULL, "tag" varchar(30) NOT NULL, "position" integer NOT NULL DEFAULT (0), PRIMARY KEY ("user_id", "tag"))`);
    await queryRunner.query(`INSERT INTO "user_expertise"("user_id", "tag", "position") SELECT "user_id", "tag", "position" FROM "temporary_user_expertise"`);
    await queryRunner.query(`DROP TABLE "temporary_user_expertise"`);
    await queryRunner.query(`CREATE INDEX "ix_user_expertise_tag" ON "user_expertise" ("tag", "user_id") `);
    await queryRunner.query(`DROP INDEX "ix_user_expertise_tag"`);
    await queryRunner.query(`DROP TABLE "user_expertise"`);
    await queryRunner.query(`DROP INDEX "uq_users_handle"`);
    await queryRunner.query(`DROP INDEX "uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "ix_audit_entries_group_id"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
    await queryRunner.query(`DROP INDEX "ix_memberships_user_status"`);
    await queryRunner.query(`DROP INDEX "ix_memberships_group_status_role"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "ix_groups_visibility_id"`);
    await queryRunner.query(`DROP INDEX "uq_groups_slug"`);
    await queryRunner.query(`DROP TABLE "groups"`);
  }
}
