import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { AuditEntry } from './entities/audit-entry.entity';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { ReportTargetRegistry } from './report-targets';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry]), GroupsModule],
  providers: [AuditRepository, AuditService, ReportTargetRegistry],
  exports: [AuditService, ReportTargetRegistry],
})
export class ModerationModule {}
