import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './entities/audit-entry.entity';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/**
 * Writing the audit log, on its own so that every feature whose moderators act (groups,
 * threads, events) can write entries in its own transaction without importing the rest of
 * moderation (which itself builds on groups). ModerationModule re-exports it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditRepository, AuditService],
  exports: [AuditRepository, AuditService],
})
export class AuditModule {}
