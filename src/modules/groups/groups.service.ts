import { Injectable } from '@nestjs/common';
import { newId } from '../../common/ids';
import { renderMarkdown } from '../../common/markdown';
import { decodeIdCursor, Page, pageLimit, toPage } from '../../common/pagination';
import { isUniqueViolation } from '../../database/db-errors';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { AuditService } from '../moderation/audit.service';
import { CreateGroupDto, GroupDto, ListGroupsQueryDto, toGroupResponse, UpdateGroupDto } from './dto/group.dto';
import { Group } from './entities/group.entity';
import { Membership } from './entities/membership.entity';
import { GroupAccessService, GroupContext, hasRules } from './group-access.service';
import { GroupsRepository } from './groups.repository';
import { MembershipWriter } from './membership-writer';
import { freeSlug, slugBase } from './slugs';

const PLAIN_FIELDS = ['name', 'description', 'visibility', 'joinPolicy'] as const;

/** Groups themselves: create, read, change, list and search. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly access: GroupAccessService,
    private readonly writer: MembershipWriter,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The creator becomes the group's owner, active, having accepted its rules. */
  async create(userId: string, dto: CreateGroupDto): Promise<GroupDto> {
    const rules = dto.rules ?? '';
    const rulesHtml = renderMarkdown(rules);
    const base = slugBase(dto.name);
    for (let attempt = 1; ; attempt++) {
      try {
        const groupId = await this.uow.run(async (tx) => {
          const now = new Date();
          const group = Object.assign(new Group(), {
            id: newId(),
            slug: freeSlug(base, await this.groups.takenSlugsLike(tx.manager, base)),
            name: dto.name,
            description: dto.description,
            rules,
            rulesHtml,
            rulesVersion: hasRules({ rules }) ? 1 : 0,
            visibility: dto.visibility,
            joinPolicy: dto.joinPolicy,
            memberCount: 0,
            createdById: userId,
            createdAt: now,
            updatedAt: now,
          });
          await this.groups.insertGroup(tx.manager, group);
          await this.writer.write(tx, group, null, userId, { status: 'active', role: 'owner', acceptedRulesVersion: group.rulesVersion }, userId);
          return group.id;
        });
        return await this.get(groupId, userId);
      } catch (err) {
        // Two groups of the same name created at once on PostgreSQL: pick the next free slug.
        if (attempt < 4 && isUniqueViolation(err, 'slug')) continue;
        throw err;
      }
    }
  }

  /** Invitees and applicants of a private group see its name, description and rules only. */
  async get(groupIdOrSlug: string, userId: string | null): Promise<GroupDto> {
    const ctx = await this.access.load(groupIdOrSlug, userId);
    this.access.assertNotBanned(ctx);
    return this.view(ctx);
  }

  async update(groupIdOrSlug: string, userId: string, dto: UpdateGroupDto): Promise<GroupDto> {
    const rulesHtml = dto.rules !== undefined ? renderMarkdown(dto.rules) : '';
    const groupId = await this.uow.run(async (tx) => {
      const ctx = await this.access.loadForUpdate(tx.manager, groupIdOrSlug, userId);
      this.access.assertAllowed(ctx, 'group.update', 'change the group');
      await this.applyUpdate(tx, ctx.group, userId, dto, rulesHtml);
      return ctx.group.id;
    });
    return this.get(groupId, userId);
  }

  async list(userId: string | null, query: ListGroupsQueryDto): Promise<Page<GroupDto>> {
    const limit = pageLimit(query);
    const rows = await this.groups.findVisiblePage({
      userId,
      q: query.q || null,
      mine: query.mine ?? false,
      beforeId: decodeIdCursor(query.cursor),
      limit,
    });
    const mine = userId ? await this.groups.findMembershipsOfUser(userId, rows.map((g) => g.id)) : new Map<string, Membership>();
    return toPage(
      rows,
      limit,
      (g) => [g.id],
      (group) => this.view({ group, membership: mine.get(group.id) ?? null, userId }),
    );
  }

  private view(ctx: GroupContext): GroupDto {
    return toGroupResponse(ctx.group, ctx.membership, ctx.group.visibility === 'private' && !this.access.isActiveMember(ctx));
  }

  /** Writes what changed; new rules raise rulesVersion (the editor accepts them) and are audited apart. */
  private async applyUpdate(tx: Tx, group: Group, actorId: string, dto: UpdateGroupDto, rulesHtml: string): Promise<void> {
    const patch: Partial<Group> = {};
    const fields: string[] = [];
    for (const k of PLAIN_FIELDS) {
      if (dto[k] !== undefined && dto[k] !== group[k]) {
        Object.assign(patch, { [k]: dto[k] });
        fields.push(k);
      }
    }
    const rulesChanged = dto.rules !== undefined && dto.rules !== group.rules;
    if (rulesChanged) Object.assign(patch, { rules: dto.rules, rulesHtml, rulesVersion: group.rulesVersion + 1 });
    if (!fields.length && !rulesChanged) return;

    await this.groups.updateGroup(tx.manager, group.id, { ...patch, updatedAt: new Date() });
    const base = { groupId: group.id, actorId, targetType: 'group' as const, targetId: group.id };
    if (fields.length) {
      const changes = Object.fromEntries(fields.map((k) => [k, { from: group[k as keyof Group], to: patch[k as keyof Group] }]));
      await this.audit.record(tx.manager, { ...base, action: 'group.update', data: { fields, changes } });
    }
    if (rulesChanged) {
      const version = group.rulesVersion + 1;
      await this.groups.updateMembership(tx.manager, group.id, actorId, { acceptedRulesVersion: version });
      await this.audit.record(tx.manager, { ...base, action: 'group.rules', data: { version } });
    }
    tx.emit(domainEvent('group.updated', actorId, { groupId: group.id, rulesChanged }));
  }
}
