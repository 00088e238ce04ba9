import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { newId } from '../../common/ids';
import { decodeIdCursor, Page, pageLimit, toPage } from '../../common/pagination';
import { isUniqueViolation } from '../../database/db-errors';
import { UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { GroupAccessService, hidingGroup } from '../groups/group-access.service';
import { GroupsRepository } from '../groups/groups.repository';
import { CreateReportDto, ReportDto, ReportsQueryDto } from './dto/report.dto';
import { Report } from './entities/report.entity';
import { ReportTargetRegistry } from './report-targets';
import { ReportViews } from './report-views';
import { ReportsRepository } from './reports.repository';

/** Members report threads, replies and users of a group; moderators list the queue. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly targets: ReportTargetRegistry,
    private readonly access: GroupAccessService,
    private readonly groups: GroupsRepository,
    private readonly views: ReportViews,
    private readonly uow: UnitOfWork,
  ) {}

  async create(reporterId: string, dto: CreateReportDto): Promise<ReportDto> {
    const { groupRef, authorId } = await this.locate(dto);
    let report: Report;
    try {
      report = await this.uow.run(async (tx) => {
        const ctx = await hidingGroup(dto.targetType, () => this.access.load(groupRef, reporterId, tx.manager));
        this.access.assertAllowed(ctx, 'report.create', 'report content');
        if (dto.targetType === 'user' && !(await this.groups.findMembership(ctx.group.id, dto.targetId, tx.manager))) {
          throw new NotFoundException('user not found in this group');
        }
        if ((authorId ?? dto.targetId) === reporterId) throw new BadRequestException([`targetId: you cannot report your own ${dto.targetType === 'user' ? 'account' : dto.targetType}`]);
        if (await this.reports.findOpenByReporter(tx.manager, ctx.group.id, reporterId, dto.targetType, dto.targetId)) throw alreadyReported();
        const row = newOpenReport(ctx.group.id, reporterId, dto);
        await this.reports.insert(tx.manager, row);
        tx.emit(domainEvent('report.created', reporterId, { groupId: row.groupId, reportId: row.id }));
        return row;
      });
    } catch (err) {
      // The unique index on open reports catches what the check above cannot see on PostgreSQL.
      if (isUniqueViolation(err)) throw alreadyReported();
      throw err;
    }
    return (await this.views.toResponses([report]))[0];
  }

  async list(groupIdOrSlug: string, userId: string, query: ReportsQueryDto): Promise<Page<ReportDto>> {
    const ctx = await this.access.load(groupIdOrSlug, userId);
    this.access.assertAllowed(ctx, 'reports.review', 'review reports');
    const limit = pageLimit(query);
    const rows = await this.reports.findPage(ctx.group.id, query.status ?? null, decodeIdCursor(query.cursor), limit);
    const kept = rows.slice(0, limit);
    const mapped = new Map((await this.views.toResponses(kept)).map((r) => [r.id, r]));
    return toPage(rows, limit, (r) => [r.id], (r) => mapped.get(r.id)!);
  }

  /** Where a report points: the group (given for users, looked up for content) and the content's author. */
  private async locate(dto: CreateReportDto): Promise<{ groupRef: string; authorId: string | null }> {
    if (dto.targetType === 'user') return { groupRef: dto.groupId!, authorId: null };
    const found = await this.targets.get(dto.targetType)?.locate(dto.targetId);
    if (!found) throw new NotFoundException(`${dto.targetType} not found`);
    if (dto.groupId !== undefined) {
      const named = await this.groups.findByIdOrSlug(dto.groupId);
      if (named?.id !== found.groupId) throw new BadRequestException([`groupId is not the group of this ${dto.targetType}`]);
    }
    return { groupRef: found.groupId, authorId: found.authorId };
  }
}

function alreadyReported(): ConflictException {
  return new ConflictException('you already have an open report about this; a moderator will look at it');
}

function newOpenReport(groupId: string, reporterId: string, dto: CreateReportDto): Report {
  return Object.assign(new Report(), {
    id: newId(),
    groupId,
    reporterId,
    targetType: dto.targetType,
    targetId: dto.targetId,
    reason: dto.reason,
    status: 'open',
    openMarker: 1,
    action: null,
    resolutionNote: null,
    resolvedById: null,
    resolvedAt: null,
    createdAt: new Date(),
  });
}
