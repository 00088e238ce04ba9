import { MigrationInterface, QueryRunner } from 'typeorm';

export class GroupsAndModeration1795881768490 implements MigrationInterface {
  name = 'GroupsAndModeration1795881768490';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reports" ("id" character varying(26) NOT NULL, "group_id" character varying(26) NOT NULL, "reporter_id" character varying(26) NOT NULL, "target_type" character varying(10) NOT NULL, "target_id" character varying(26) NOT NULL, "reason" text NOT NULL, "status" character varying(10) NOT NULL, "open_marker" integer, "action" character varying(10), "resolution_note" text, "resolved_by_id" character varying(26), "resolved_at" TIMESTAMP, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reports_open_per_reporter" ON "reports"  ("reporter_id", "target_type", "target_id", "group_id", "open_marker") `);
    await queryRunner.query(`CREATE INDEX "ix_reports_target_status" ON "reports"  ("target_type", "target_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_reports_group_status_id" ON "reports"  ("group_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_reports_group_id" ON "reports"  ("group_id", "id") `);
    await queryRunner.query(`ALTER TABLE "groups" ADD "rules_html" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`CREATE INDEX "ix_memberships_group_status_user" ON "memberships"  ("group_id", "status", "user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_memberships_group_status_user"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "rules_html"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reports_group_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reports_group_status_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reports_target_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reports_open_per_reporter"`);
    await queryRunner.query(`DROP TABLE "reports"`);
  }
}
