import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795880940045 implements MigrationInterface {
  name = 'Init1795880940045';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "groups" ("id" character varying(26) NOT NULL, "slug" character varying(60) NOT NULL, "name" character varying(100) NOT NULL, "description" text NOT NULL DEFAULT '', "rules" text NOT NULL DEFAULT '', "rules_version" integer NOT NULL DEFAULT '0', "visibility" character varying(10) NOT NULL, "join_policy" character varying(10) NOT NULL, "member_count" integer NOT NULL DEFAULT '0', "created_by_id" character varying(26) NOT NULL, "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_659d1483316afb28afd3a90646e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_groups_slug" ON "groups"  ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_groups_visibility_id" ON "groups"  ("visibility", "id") `);
    await queryRunner.query(`CREATE TABLE "memberships" ("group_id" character varying(26) NOT NULL, "user_id" character varying(26) NOT NULL, "role" character varying(10) NOT NULL DEFAULT 'member', "status" character varying(10) NOT NULL, "accepted_rules_version" integer NOT NULL DEFAULT '0', "subscription_level" character varying(10) NOT NULL DEFAULT 'questions', "ban_reason" text, "invited_by_id" character varying(26), "joined_at" TIMESTAMP, "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_3923edf77fc86ff52c078826b25" PRIMARY KEY ("group_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_memberships_group_status_role" ON "memberships"  ("group_id", "status", "role", "user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_memberships_user_status" ON "memberships"  ("user_id", "status", "group_id") `);
    await queryRunner.query(`CREATE TABLE "audit_entries" ("id" character varying(26) NOT NULL, "group_id" character varying(26) NOT NULL, "actor_id" character varying(26) NOT NULL, "action" character varying(40) NOT NULL, "target_type" character varying(10) NOT NULL, "target_id" character varying(26) NOT NULL, "reason" text, "data" text, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_audit_entries_group_id" ON "audit_entries"  ("group_id", "id") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" character varying(26) NOT NULL, "email" character varying(320) NOT NULL, "password_hash" character varying(255) NOT NULL, "display_name" character varying(100) NOT NULL, "handle" character varying(30) NOT NULL, "headline" character varying(200) NOT NULL DEFAULT '', "bio" text NOT NULL DEFAULT '', "token_version" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_handle" ON "users"  ("handle") `);
    await queryRunner.query(`CREATE TABLE "user_expertise" ("user_id" character varying(26) NOT NULL, "tag" character varying(30) NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_a2973a4328fbd28e82ac9ffffc8" PRIMARY KEY ("user_id", "tag"))`);
    await queryRunner.query(`CREATE INDEX "ix_user_expertise_tag" ON "user_expertise"  ("tag", "user_id") `);
    await queryRunner.query(`ALTER TABLE "user_expertise" ADD CONSTRAINT "FK_930d13f72d01b6614c887dded1d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_expertise" DROP CONSTRAINT "FK_930d13f72d01b6614c887dded1d"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_expertise_tag"`);
    await queryRunner.query(`DROP TABLE "user_expertise"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_handle"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entries_group_id"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
    await queryRunner.query(`DROP INDEX "public"."ix_memberships_user_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_memberships_group_status_role"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."ix_groups_visibility_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_groups_slug"`);
    await queryRunner.query(`DROP TABLE "groups"`);
  }
}
