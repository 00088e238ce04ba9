import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../../common/ids';
import { AuditEntry } from './entities/audit-entry.entity';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  groupId: string;
  actorId: string;
  action: string;
  targetType: AuditEntry['targetType'];
  targetId: string;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

/** Writes the audit log. Call it with the EntityManager of the action's own transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await this.audit.insert(manager, {
      id: newId(),
      groupId: entry.groupId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      data: entry.data ? JSON.stringify(entry.data) : null,
      createdAt: new Date(),
    });
  }
}
