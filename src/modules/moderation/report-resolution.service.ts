import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { GroupAccessService, GroupContext, hidingGroup } from '../groups/group-access.service';
import { MemberModerationService } from '../groups/member-moderation.service';
import { AuditService } from './audit.service';
import { ReportDto, ResolveReportDto } from './dto/report.dto';
import { Report } from './entities/report.entity';
import { ReportTargetRegistry } from './report-targets';
import { ReportViews } from './report-views';
import { ReportsRepository } from './reports.repository';

/**
 * A moderator resolves a report: dismiss it, or remove what it is about (content through the
 * handler its feature registered; a user by a ban from the group), in one transaction with the
 * audit entry. `remove` also closes the other open reports about the same target.
 */
@Injectable()
export class ReportResolutionService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly targets: ReportTargetRegistry,
    private readonly access: GroupAccessService,
    private readonly members: MemberModerationService,
    private readonly audit: AuditService,
    private readonly views: ReportViews,
    private readonly uow: UnitOfWork,
  ) {}

  async resolve(reportId: string, userId: string, dto: ResolveReportDto): Promise<ReportDto> {
    const found = await this.reports.findById(reportId);
    if (!found) throw new NotFoundException('report not found');
    const note = dto.note || null;
    await this.uow.run(async (tx) => {
      const ctx = await hidingGroup('report', () => this.access.loadForUpdate(tx.manager, found.groupId, userId));
      this.access.assertAllowed(ctx, 'reports.review', 'resolve reports');
      const sameTarget = dto.action === 'remove' ? await this.reports.findOpenIdsForTarget(tx.manager, found.groupId, found.targetType, found.targetId) : [];
      const resolution = { action: dto.action, resolutionNote: note, resolvedById: userId, resolvedAt: new Date() };
      // Resolving first makes a second moderator's simultaneous resolution find nothing open.
      if ((await this.reports.resolveOpen(tx.manager, [found.id], resolution)) === 0) {
        throw new ConflictException('this report is already resolved');
      }
      const others = sameTarget.filter((id) => id !== found.id);
      await this.reports.resolveOpen(tx.manager, others, resolution);
      if (dto.action === 'remove') await this.removeTarget(tx, ctx, found, note);
      await this.audit.record(tx.manager, {
        groupId: found.groupId,
        actorId: userId,
        action: `report.${dto.action}`,
        targetType: 'report',
        targetId: found.id,
        reason: note,
        data: { targetType: found.targetType, targetId: found.targetId, ...(others.length ? { alsoResolved: others } : {}) },
      });
      for (const id of [found.id, ...others]) {
        tx.emit(domainEvent('report.resolved', userId, { groupId: found.groupId, reportId: id, action: dto.action }));
      }
    });
    return (await this.views.toResponses([(await this.reports.findById(reportId))!]))[0];
  }

  private async removeTarget(tx: Tx, ctx: GroupContext, report: Report, note: string | null): Promise<void> {
    if (report.targetType === 'user') {
      await this.members.banUnlessBanned(tx, ctx, report.targetId, note ?? report.reason);
      return;
    }
    const handler = this.targets.get(report.targetType);
    if (!handler) throw new ConflictException(`${report.targetType}s cannot be removed on this server`);
    await handler.remove(tx, report.targetId, ctx.userId!, note);
  }
}
