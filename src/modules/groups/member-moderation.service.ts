import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { GroupPermission, outranks } from '../../common/access/permissions';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { AuditService } from '../moderation/audit.service';
import type { User } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { MemberDto, toMemberResponse } from './dto/member.dto';
import { GroupRole, Membership, MembershipStatus } from './entities/membership.entity';
import { GroupAccessService, GroupContext } from './group-access.service';
import { GroupsRepository } from './groups.repository';
import { MembershipWriter } from './membership-writer';

type MemberAction = (tx: Tx, ctx: GroupContext, current: Membership | null) => Promise<Membership>;

/**
 * What moderators and owners do to other people's memberships: approve, reject, invite, ban,
 * unban, change roles. Each runs in one unit of work with the group locked, checks the actor's
 * role against the membership read inside it, and writes its audit entry in the same transaction.
 */
@Injectable()
export class MemberModerationService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly users: UsersRepository,
    private readonly access: GroupAccessService,
    private readonly writer: MembershipWriter,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  approve(groupIdOrSlug: string, actorId: string, userId: string): Promise<MemberDto> {
    const step = this.step('pending', 'active', 'member.approve', 'has no pending request to join');
    return this.act(groupIdOrSlug, actorId, userId, 'members.review', 'approve applicants', step);
  }

  reject(groupIdOrSlug: string, actorId: string, userId: string, reason: string | null): Promise<MemberDto> {
    const step = this.step('pending', 'rejected', 'member.reject', 'has no pending request to join', reason);
    return this.act(groupIdOrSlug, actorId, userId, 'members.review', 'reject applicants', step);
  }

  invite(groupIdOrSlug: string, actorId: string, userId: string): Promise<MemberDto> {
    return this.act(groupIdOrSlug, actorId, userId, 'members.invite', 'invite people', async (tx, ctx, m) => {
      if (m?.status === 'active') throw new ConflictException('this user is already a member of the group');
      if (m?.status === 'invited') throw new ConflictException('this user is already invited');
      if (m?.status === 'pending') throw new ConflictException('this user already asked to join: approve the request instead');
      if (m?.status === 'banned') throw new ConflictException('this user is banned from the group: unban them first');
      const next = await this.writer.write(tx, ctx.group, m, userId, { status: 'invited', invitedById: actorId }, actorId);
      await this.record(tx, ctx, actorId, 'member.invite', userId);
      return next;
    });
  }

  /** Owners only. The last owner cannot be demoted (another owner must be made first). */
  changeRole(groupIdOrSlug: string, actorId: string, userId: string, role: GroupRole): Promise<MemberDto> {
    return this.act(groupIdOrSlug, actorId, userId, 'members.role', 'change roles', async (tx, ctx, m) => {
      if (m?.status !== 'active') throw notInState(m, 'is not an active member; only members hold roles');
      if (m.role === role) return m;
      if (m.role === 'owner' && (await this.groups.countActiveOwners(tx.manager, ctx.group.id)) <= 1) {
        throw new ConflictException('this is the last owner of the group: make another member an owner first');
      }
      const next = await this.writer.write(tx, ctx.group, m, userId, { status: 'active', role }, actorId);
      await this.record(tx, ctx, actorId, 'member.role', userId, null, { from: m.role, to: role });
      return next;
    });
  }

  ban(groupIdOrSlug: string, actorId: string, userId: string, reason: string): Promise<MemberDto> {
    return this.act(groupIdOrSlug, actorId, userId, 'members.ban', 'ban people', (tx, ctx, m) =>
      this.banInTx(tx, ctx, m, userId, reason),
    );
  }

  unban(groupIdOrSlug: string, actorId: string, userId: string): Promise<MemberDto> {
    const step = this.step('banned', 'left', 'member.unban', 'is not banned from the group');
    return this.act(groupIdOrSlug, actorId, userId, 'members.ban', 'unban people', step);
  }

  /**
   * Bans `userId` inside the caller's unit of work (also used when a moderator resolves a report
   * about a user with `remove`). `ctx` must come from loadForUpdate for the acting moderator.
   * Moderators may not ban owners or other moderators; owners may ban anyone but themselves.
   */
  async banInTx(tx: Tx, ctx: GroupContext, current: Membership | null, userId: string, reason: string): Promise<Membership> {
    this.access.assertAllowed(ctx, 'members.ban', 'ban people');
    const actorRole = this.access.activeRole(ctx)!;
    if (userId === ctx.userId) throw new BadRequestException(['you cannot ban yourself']);
    if (current?.status === 'banned') throw new ConflictException('this user is already banned from the group');
    if (current?.status === 'active' && !outranks(actorRole, current.role)) {
      throw new ForbiddenException(`only owners may ban a ${current.role}`);
    }
    const next = await this.writer.write(tx, ctx.group, current, userId, { status: 'banned', banReason: reason }, ctx.userId!);
    await this.record(tx, ctx, ctx.userId!, 'member.ban', userId, reason);
    return next;
  }

  /** banInTx for a report about a user: loads their membership; an existing ban already did the job. */
  async banUnlessBanned(tx: Tx, ctx: GroupContext, userId: string, reason: string): Promise<void> {
    const current = await this.groups.findMembership(ctx.group.id, userId, tx.manager);
    if (current?.status !== 'banned') await this.banInTx(tx, ctx, current, userId, reason);
  }

  private async act(
    groupIdOrSlug: string,
    actorId: string,
    userId: string,
    permission: GroupPermission,
    doing: string,
    action: MemberAction,
  ): Promise<MemberDto> {
    const user = await this.users.findById(userId);
    const membership = await this.uow.run(async (tx) => {
      const ctx = await this.access.loadForUpdate(tx.manager, groupIdOrSlug, actorId);
      this.access.assertAllowed(ctx, permission, doing);
      if (!user) throw new NotFoundException('user not found');
      return action(tx, ctx, await this.groups.findMembership(ctx.group.id, userId, tx.manager));
    });
    return toMemberResponse(membership, user as User, true);
  }

  /** A plain status move (pending -> active, pending -> rejected, banned -> left), audited. */
  private step(from: MembershipStatus, to: MembershipStatus, action: string, otherwise: string, reason: string | null = null): MemberAction {
    return async (tx, ctx, m) => {
      if (m?.status !== from) throw notInState(m, otherwise);
      const next = await this.writer.write(tx, ctx.group, m, m.userId, { status: to }, ctx.userId!);
      await this.record(tx, ctx, ctx.userId!, action, m.userId, reason);
      return next;
    };
  }

  private record(tx: Tx, ctx: GroupContext, actorId: string, action: string, userId: string, reason: string | null = null, data?: Record<string, unknown>) {
    return this.audit.record(tx.manager, { groupId: ctx.group.id, actorId, action, targetType: 'user', targetId: userId, reason, data });
  }
}

function notInState(m: Membership | null, what: string): Error {
  if (!m) return new NotFoundException('this user has no membership in the group');
  return new ConflictException(`this user ${what} (status: ${m.status})`);
}
