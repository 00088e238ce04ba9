import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from './entities/audit-entry.entity';

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async insert(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.getRepository(AuditEntry).insert(entry);
  }

  /** Newest first; `beforeId` is the last id of the previous page. */
  findPage(groupId: string, beforeId: string | null, limit: number): Promise<AuditEntry[]> {
    const qb = this.entries.createQueryBuilder('a').where('a.group_id = :groupId', { groupId });
    if (beforeId) qb.andWhere('a.id < :beforeId', { beforeId });
    return qb.orderBy('a.id', 'DESC').limit(limit).getMany();
  }
}
