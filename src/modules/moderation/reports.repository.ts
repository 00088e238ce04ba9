import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Report, ReportStatus } from './entities/report.entity';
import type { ReportTargetType } from './report-targets';

export type Resolution = Pick<Report, 'action' | 'resolutionNote' | 'resolvedById' | 'resolvedAt'>;

@Injectable()
export class ReportsRepository {
  constructor(@InjectRepository(Report) private readonly reports: Repository<Report>) {}

  findById(id: string, manager?: EntityManager): Promise<Report | null> {
    return (manager ? manager.getRepository(Report) : this.reports).findOneBy({ id });
  }

  findOpenByReporter(manager: EntityManager, groupId: string, reporterId: string, targetType: ReportTargetType, targetId: string): Promise<Report | null> {
    return manager.getRepository(Report).findOneBy({ groupId, reporterId, targetType, targetId, status: 'open' });
  }

  /** Ids of the other open reports about the same target in the group. */
  async findOpenIdsForTarget(manager: EntityManager, groupId: string, targetType: ReportTargetType, targetId: string): Promise<string[]> {
    const rows = await manager.getRepository(Report).find({ select: { id: true }, where: { groupId, targetType, targetId, status: 'open' } });
    return rows.map((r) => r.id);
  }

  async insert(manager: EntityManager, report: Report): Promise<void> {
    await manager.getRepository(Report).insert(report);
  }

  /**
   * Resolves the reports among `ids` that are still open; returns how many it changed. The
   * `status = 'open'` condition makes two moderators resolving one report at once safe: on
   * PostgreSQL the second waits for the first and then changes nothing.
   */
  async resolveOpen(manager: EntityManager, ids: string[], resolution: Resolution): Promise<number> {
    if (!ids.length) return 0;
    const result = await manager
      .getRepository(Report)
      .createQueryBuilder()
      .update()
      .set({ ...resolution, status: 'resolved', openMarker: null })
      .where({ id: In(ids), status: 'open' })
      .execute();
    return result.affected ?? 0;
  }

  /** Newest first; limit+1 rows for toPage. */
  findPage(groupId: string, status: ReportStatus | null, beforeId: string | null, limit: number): Promise<Report[]> {
    const qb = this.reports.createQueryBuilder('r').where('r.group_id = :groupId', { groupId });
    if (status) qb.andWhere('r.status = :status', { status });
    if (beforeId) qb.andWhere('r.id < :beforeId', { beforeId });
    return qb.orderBy('r.id', 'DESC').limit(limit + 1).getMany();
  }
}
