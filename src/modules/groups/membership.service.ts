import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { decodeIdCursor, Page, pageLimit, toPage } from '../../common/pagination';
import { isUniqueViolation } from '../../database/db-errors';
import { UnitOfWork } from '../../database/unit-of-work';
import { UsersRepository } from '../users/users.repository';
import { MembershipDto, toMembershipResponse } from './dto/group.dto';
import { AcceptRulesDto, JoinGroupDto, MemberDto, MembersQueryDto, toMemberResponse } from './dto/member.dto';
import { Group } from './entities/group.entity';
import { MembershipStatus } from './entities/membership.entity';
import { GroupAccessService, hasRules } from './group-access.service';
import { GroupsRepository } from './groups.repository';
import { MembershipWriter } from './membership-writer';

/** Statuses a user can leave: membership, an application (withdraw) or an invitation (decline). */
const LEAVABLE: MembershipStatus[] = ['active', 'pending', 'invited'];

/** What a user does about their own membership (join, accept rules, leave) and the members list. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly users: UsersRepository,
    private readonly access: GroupAccessService,
    private readonly writer: MembershipWriter,
    private readonly uow: UnitOfWork,
  ) {}

  /** Open groups (or an invitation) admit at once; approval groups queue the applicant. */
  async join(groupIdOrSlug: string, userId: string, dto: JoinGroupDto): Promise<MembershipDto> {
    try {
      return await this.uow.run(async (tx) => {
        const ctx = await this.access.loadForUpdate(tx.manager, groupIdOrSlug, userId);
        this.access.assertNotBanned(ctx);
        const { group, membership } = ctx;
        if (membership?.status === 'active') throw new ConflictException('you are already a member of this group');
        if (membership?.status === 'pending') throw new ConflictException('your request to join is already pending');
        const invited = membership?.status === 'invited';
        if (group.joinPolicy === 'invite' && !invited) {
          throw new ForbiddenException('this group is invite-only: a moderator must invite you before you can join');
        }
        const accepted = acceptedVersion(group, dto.acceptRulesVersion);
        const status = invited || group.joinPolicy === 'open' ? 'active' : 'pending';
        const next = await this.writer.write(tx, group, membership, userId, { status, acceptedRulesVersion: accepted }, userId);
        return toMembershipResponse(next)!;
      });
    } catch (err) {
      // The same user joining twice at once on PostgreSQL: the second insert finds the first.
      if (isUniqueViolation(err)) throw new ConflictException('you already joined or applied to this group');
      throw err;
    }
  }

  /** A member accepts the current rules (needed again after every change before posting). */
  acceptRules(groupIdOrSlug: string, userId: string, dto: AcceptRulesDto): Promise<MembershipDto> {
    return this.uow.run(async (tx) => {
      const ctx = await this.access.load(groupIdOrSlug, userId, tx.manager);
      this.access.assertCanRead(ctx);
      if (!this.access.isActiveMember(ctx)) throw new ForbiddenException('join the group first: its members accept its rules');
      const current = ctx.group.rulesVersion;
      if (dto.version !== current) {
        throw new BadRequestException([`version must be ${current}, the current version of the group rules`]);
      }
      await this.groups.updateMembership(tx.manager, ctx.group.id, userId, { acceptedRulesVersion: current, updatedAt: new Date() });
      return toMembershipResponse({ ...ctx.membership!, acceptedRulesVersion: current })!;
    });
  }

  /** Leave, withdraw an application or decline an invitation. Banned users stay banned. */
  async leave(groupIdOrSlug: string, userId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const ctx = await this.access.loadForUpdate(tx.manager, groupIdOrSlug, userId);
      this.access.assertNotBanned(ctx);
      const m = ctx.membership;
      if (!m || !LEAVABLE.includes(m.status)) throw new ConflictException('you are not a member of this group');
      if (m.status === 'active' && m.role === 'owner' && (await this.groups.countActiveOwners(tx.manager, ctx.group.id)) <= 1) {
        throw new ConflictException('you are the last owner of this group: make another member an owner before leaving');
      }
      await this.writer.write(tx, ctx.group, m, userId, { status: 'left' }, userId);
    });
  }

  /** Active members for anyone who may read the group; other statuses for moderators only. */
  async listMembers(groupIdOrSlug: string, userId: string | null, query: MembersQueryDto): Promise<Page<MemberDto>> {
    const ctx = await this.access.load(groupIdOrSlug, userId);
    this.access.assertCanRead(ctx);
    const status = query.status ?? 'active';
    if (status !== 'active') this.access.assertAllowed(ctx, 'members.review', `list ${status} members`);
    const forModerator = this.access.can(ctx, 'members.review');
    const limit = pageLimit(query);
    const rows = await this.groups.findMembersPage(ctx.group.id, {
      status,
      role: query.role ?? null,
      afterUserId: decodeIdCursor(query.cursor),
      limit,
    });
    const users = new Map((await this.users.findManyByIds(rows.map((m) => m.userId))).map((u) => [u.id, u]));
    return toPage(
      rows.filter((m) => users.has(m.userId)),
      limit,
      (m) => [m.userId],
      (m) => toMemberResponse(m, users.get(m.userId)!, forModerator),
    );
  }
}

/** The rules version a join accepts; 400 naming acceptRulesVersion when the group has rules and they were not accepted. */
function acceptedVersion(group: Group, given: number | undefined): number {
  if (!hasRules(group)) return group.rulesVersion;
  if (given === undefined) {
    throw new BadRequestException([
      `acceptRulesVersion is required: this group has rules (version ${group.rulesVersion}); read and accept them to join`,
    ]);
  }
  if (given !== group.rulesVersion) {
    throw new BadRequestException([`acceptRulesVersion must be ${group.rulesVersion}, the current version of the group rules`]);
  }
  return given;
}
