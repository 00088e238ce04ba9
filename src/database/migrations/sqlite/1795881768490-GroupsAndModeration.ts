import { MigrationInterface, QueryRunner } from 'typeorm';

export class GroupsAndModeration1795881768490 implements MigrationInterface {
  name = 'GroupsAndModeration1795881768490';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reports" ("id" varchar(26) PRIMARY KEY NOT NULL, "group_id" varchar(26) NOT NULL, "reporter_id" varchar(26) NOT NULL, "target_type" varchar(10) NOT NULL, "target_id" varchar(26) NOT NULL, "reason" text NOT NULL, "status" varchar(10) NOT NULL, "open_marker" integer, "action" varchar(10), "resolution_note" text, "resolved_by_id" varchar(26), "resolved_at" datetime, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reports_open_per_reporter" ON "reports" ("reporter_id", "target_type", "target_id", "group_id", "open_marker") `);
    await queryRunner.query(`CREATE INDEX "ix_reports_target_status" ON "reports" ("target_type", "target_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_reports_group_status_id" ON "reports" ("group_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_reports_group_id" ON "reports" ("group_id", "id") `);
    await queryRunner.query(`DROP INDEX "ix_groups_visibility_id"`);
    await queryRunner.query(`DROP INDEX "uq_groups_slug"`);
    await queryRunner.query(`CREATE TABLE "temporary_groups" ("id" varchar(26) PRIMARY KEY NOT NULL, "slug" varchar(60) NOT NULL, "name" varchar(100) NOT NULL, "description" text NOT NULL DEFAULT (''), "rules" text NOT NULL DEFAULT (''), "rules_version" integer NOT NULL DEFAULT (0), "visibility" varchar(10) NOT NULL, "join_policy" varchar(10) NOT NULL, "member_count" integer NOT NULL DEFAULT (0), "created_by_id" varchar(26) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "rules_html" text NOT NULL DEFAULT (''))`);
    await queryRunner.query(`INSERT INTO "temporary_groups"("id", "slug", "name", "description", "rules", "rules_version", "visibility", "join_policy", "member_count", "created_by_id", "created_at", "updated_at") SELECT "id", "slug", "name", "description", "rules", "rules_version", "visibility", "join_policy", "member_count", "created_by_id", "created_at", "updated_at" FROM "groups"`);
    await queryRunner.query(`DROP TABLE "groups"`);
    await queryRunner.query(`ALTER TABLE "temporary_groups" RENAME TO "groups"`);
    await queryRunner.query(`CREATE INDEX "ix_groups_visibility_id" ON "groups" ("visibility", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_groups_slug" ON "groups" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_memberships_group_status_user" ON "memberships" ("group_id", "status", "user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_memberships_group_status_user"`);
    await queryRunner.query(`DROP INDEX "uq_groups_slug"`);
    await queryRunner.query(`DROP INDEX "ix_groups_visibility_id"`);
    await queryRunner.query(`ALTER TABLE "groups" RENAME TO "temporary_groups"`);
    await queryRunner.query(`CREATE TABLE "groups" ("id" varchar(26) PRIMARY KEY NOT NULL, "slug" varchar(60) NOT NULL, "name" varchar(100) NOT NULL, "description" text NOT NULL DEFAULT (''), "rules" text NOT NULL DEFAULT (''), "rules_version" integer NOT NULL DEFAULT (0), "visibility" varchar(10) NOT NULL, "join_policy" varchar(10) NOT NULL, "member_count" integer NOT NULL DEFAULT (0), "created_by_id" varchar(26) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "groups"("id", "slug", "name", "description", "rules", "rules_version", "visibility", "join_policy", "member_count", "created_by_id", "created_at", "updated_at") SELECT "id", "slug", "name", "description", "rules", "rules_version", "visibility", "join_policy", "member_count", "created_by_id", "created_at", "updated_at" FROM "temporary_groups"`);
    await queryRunner.query(`DROP TABLE "temporary_groups"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_groups_slug" ON "groups" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_groups_visibility_id" ON "groups" ("visibility", "id") `);
    await queryRunner.query(`DROP INDEX "ix_reports_group_id"`);
    await queryRunner.query(`DROP INDEX "ix_reports_group_status_id"`);
    await queryRunner.query(`DROP INDEX "ix_reports_target_status"`);
    await queryRunner.query(`DROP INDEX "uq_reports_open_per_reporter"`);
    await queryRunner.query(`DROP TABLE "reports"`);
  }
}
