import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { newId } from '../../common/ids';
import { decodeIdCursor, Page, pageLimit, toPage } from '../../common/pagination';
import { isUniqueViolation } from '../../database/db-errors';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { GroupAccessService, GroupContext } from '../groups/group-access.service';
import { GroupsRepository } from '../groups/groups.repository';
import { MemberModerationService } from '../groups/member-moderation.service';
import { UsersRepository } from '../users/users.repository';
import { AuditService } from './audit.service';
import { CreateReportDto, ReportDto, ReportsQueryDto, ResolveReportDto, toReportResponse } from './dto/report.dto';
import { Report } from './entities/report.entity';
import { ReportTargetRegistry } from './report-targets';
import { ReportsRepository } from './reports.repository';

/**
 * Members report threads, replies and users of a group; moderators review the queue and
 * resolve each report by dismissing it or removing what it is about (for a user: a ban).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly targets: ReportTargetRegistry,
    private readonly access: GroupAccessService,
    private readonly groups: GroupsRepository,
    private readonly members: MemberModerationService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
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
        const row = Object.assign(new Report(), {
          id: newId(),
          groupId: ctx.group.id,
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
        await this.reports.insert(tx.manager, row);
        tx.emit(domainEvent('report.created', reporterId, { groupId: row.groupId, reportId: row.id }));
        return row;
      });
    } catch (err) {
      // The unique index on open reports catches what the check above cannot see on PostgreSQL.
      if (isUniqueViolation(err)) throw alreadyReported();
      throw err;
    }
    return (await this.toResponse([report]))[0];
  }

  async list(groupIdOrSlug: string, userId: string, query: ReportsQueryDto): Promise<Page<ReportDto>> {
    const ctx = await this.access.load(groupIdOrSlug, userId);
    this.access.assertAllowed(ctx, 'reports.review', 'review reports');
    const limit = pageLimit(query);
    const rows = await this.reports.findPage(ctx.group.id, query.status ?? null, decodeIdCursor(query.cursor), limit);
    const kept = rows.slice(0, limit);
    const mapped = new Map((await this.toResponse(kept)).map((r) => [r.id, r]));
    return toPage(rows, limit, (r) => [r.id], (r) => mapped.get(r.id)!);
  }

  /**
   * Dismiss, or remove the content (through the handler its feature registered) or ban the
   * reported user, in one transaction with the audit entry. `remove` also closes the other open
   * reports about the same target.
   */
  async resolve(reportId: string, userId: string, dto: ResolveReportDto): Promise<ReportDto> {
    const found = await this.reports.findById(reportId);
    if (!found) throw reportNotFound();
    const note = dto.note || null;
    await this.uow.run(async (tx) => {
      const ctx = await hidingGroup('report', () => this.access.loadForUpdate(tx.manager, found.groupId, userId));
      this.access.assertAllowed(ctx, 'reports.review', 'resolve reports');
      const ids = dto.action === 'remove' ? await this.reports.findOpenIdsForTarget(tx.manager, found.groupId, found.targetType, found.targetId) : [];
      const resolution = { action: dto.action, resolutionNote: note, resolvedById: userId, resolvedAt: new Date() };
      if ((await this.reports.resolveOpen(tx.manager, [found.id], resolution)) === 0) {
        throw new ConflictException('this report is already resolved');
      }
      const others = ids.filter((id) => id !== found.id);
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
    return (await this.toResponse([(await this.reports.findById(reportId))!]))[0];
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

  private async removeTarget(tx: Tx, ctx: GroupContext, report: Report, note: string | null): Promise<void> {
    if (report.targetType === 'user') {
      const current = await this.groups.findMembership(ctx.group.id, report.targetId, tx.manager);
      // Already banned (by hand or through another report): the removal has happened.
      if (current?.status !== 'banned') await this.members.banInTx(tx, ctx, current, report.targetId, note ?? report.reason);
      return;
    }
    const handler = this.targets.get(report.targetType);
    if (!handler) throw new ConflictException(`${report.targetType}s cannot be removed on this server`);
    await handler.remove(tx, report.targetId, ctx.userId!, note);
  }

  private async toResponse(rows: Report[]): Promise<ReportDto[]> {
    const ids = new Set<string>();
    for (const r of rows) {
      ids.add(r.reporterId);
      if (r.resolvedById) ids.add(r.resolvedById);
    }
    const users = new Map((await this.users.findManyByIds([...ids])).map((u) => [u.id, u]));
    return rows.map((r) => toReportResponse(r, users));
  }
}

function alreadyReported(): ConflictException {
  return new ConflictException('you already have an open report about this; a moderator will look at it');
}

function reportNotFound(): NotFoundException {
  return new NotFoundException('report not found');
}

/** Outsiders of a private group learn nothing: a 404 about the group reads as one about the thing asked for. */
async function hidingGroup(thing: string, load: () => Promise<GroupContext>): Promise<GroupContext> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof NotFoundException) throw new NotFoundException(`${thing} not found`);
    throw err;
  }
}
