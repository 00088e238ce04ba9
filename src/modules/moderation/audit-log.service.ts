import { Injectable } from '@nestjs/common';
import { decodeIdCursor, Page, PageQueryDto, pageLimit, toPage } from '../../common/pagination';
import { GroupAccessService } from '../groups/group-access.service';
import { UsersRepository } from '../users/users.repository';
import { AuditRepository } from './audit.repository';
import { AuditEntryDto, toAuditEntryResponse } from './dto/audit-entry.dto';

/** Reading a group's audit log: moderators and owners only, newest first. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly entries: AuditRepository,
    private readonly access: GroupAccessService,
    private readonly users: UsersRepository,
  ) {}

  async page(groupIdOrSlug: string, userId: string, query: PageQueryDto): Promise<Page<AuditEntryDto>> {
    const ctx = await this.access.load(groupIdOrSlug, userId);
    this.access.assertAllowed(ctx, 'audit.read', 'read the audit log');
    const limit = pageLimit(query);
    const rows = await this.entries.findPage(ctx.group.id, decodeIdCursor(query.cursor), limit + 1);
    const ids = new Set(rows.flatMap((e) => (e.targetType === 'user' ? [e.actorId, e.targetId] : [e.actorId])));
    const users = new Map((await this.users.findManyByIds([...ids])).map((u) => [u.id, u]));
    return toPage(rows, limit, (e) => [e.id], (e) => toAuditEntryResponse(e, users));
  }
}
