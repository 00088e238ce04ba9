import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { AuditLogService } from './audit-log.service';
import { AuditModule } from './audit.module';
import { Report } from './entities/report.entity';
import { ModerationController } from './moderation.controller';
import { ReportResolutionService } from './report-resolution.service';
import { ReportTargetRegistry } from './report-targets';
import { ReportViews } from './report-views';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Reports and their review, the audit log's reader; re-exports AuditModule (AuditService). */
@Module({
  imports: [TypeOrmModule.forFeature([Report]), AuditModule, GroupsModule, UsersModule],
  controllers: [ModerationController],
  providers: [ReportsRepository, ReportsService, ReportResolutionService, ReportViews, AuditLogService, ReportTargetRegistry],
  exports: [AuditModule, ReportTargetRegistry],
})
export class ModerationModule {}
