import { ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupPermission, GROUP_PERMISSIONS, Role, roleAllows, ROLE_WORDS } from '../../common/access/permissions';
import { Group } from './entities/group.entity';
import { Membership } from './entities/membership.entity';
import { GroupsRepository } from './groups.repository';

/** A group as one caller sees it: the group and the caller's membership row, if any. */
export interface GroupContext {
  group: Group;
  membership: Membership | null;
  userId: string | null;
}

/**
 * Every access decision about a group is taken here, so the rules cannot drift between
 * features. Private groups answer 404 to outsiders (their existence does not leak); banned
 * users are told why with 403.
 */
@Injectable()
export class GroupAccessService {
  constructor(private readonly groups: GroupsRepository) {}

  /**
   * Loads the group and the caller's membership. 404 when the group does not exist, or is
   * private and the caller has no membership row at all (invitees, applicants and banned
   * users know of it).
   */
  async load(groupIdOrSlug: string, userId: string | null, manager?: EntityManager): Promise<GroupContext> {
    const group = await this.groups.findByIdOrSlug(groupIdOrSlug, manager);
    if (!group) throw groupNotFound();
    const membership = userId ? await this.groups.findMembership(group.id, userId, manager) : null;
    const ctx = { group, membership, userId };
    if (group.visibility === 'private' && !this.knowsOfGroup(ctx)) throw groupNotFound();
    return ctx;
  }

  /**
   * load() for a write: inside the unit of work, with the group row locked on PostgreSQL so
   * membership changes of one group (counts, last-owner checks) happen one after another.
   * (SQLite runs every unit of work one at a time anyway.)
   */
  async loadForUpdate(manager: EntityManager, groupIdOrSlug: string, userId: string): Promise<GroupContext> {
    const group = await this.groups.findByIdOrSlug(groupIdOrSlug, manager, { lock: true });
    if (!group) throw groupNotFound();
    const membership = await this.groups.findMembership(group.id, userId, manager);
    const ctx = { group, membership, userId };
    if (group.visibility === 'private' && !this.knowsOfGroup(ctx)) throw groupNotFound();
    return ctx;
  }

  /** May the caller see the group's name and description? (Not its content.) */
  knowsOfGroup(ctx: GroupContext): boolean {
    if (ctx.group.visibility === 'public') return true;
    const s = ctx.membership?.status;
    return s === 'active' || s === 'invited' || s === 'pending' || s === 'banned';
  }

  isActiveMember(ctx: GroupContext): boolean {
    return ctx.membership?.status === 'active';
  }

  /** The caller's role when an active member, else null. */
  activeRole(ctx: GroupContext): Role | null {
    return ctx.membership?.status === 'active' ? ctx.membership.role : null;
  }

  /**
   * Reading threads, replies, members and events. Public: anyone but banned users.
   * Private: active members only (everyone else 404, banned users 403 with the reason).
   */
  assertCanRead(ctx: GroupContext): void {
    this.assertNotBanned(ctx);
    if (ctx.group.visibility === 'private' && !this.isActiveMember(ctx)) throw groupNotFound();
  }

  /** Posting threads and replies: an active member who accepted the current rules. */
  assertCanPost(ctx: GroupContext): void {
    this.assertCanRead(ctx);
    if (!this.isActiveMember(ctx)) {
      throw new ForbiddenException(
        ctx.membership?.status === 'pending'
          ? 'your request to join is still pending; you can post once a moderator approves it'
          : 'join the group to post in it',
      );
    }
    this.assertRulesAccepted(ctx);
  }

  assertRulesAccepted(ctx: GroupContext): void {
    const m = ctx.membership;
    if (m && hasRules(ctx.group) && ctx.group.rulesVersion > m.acceptedRulesVersion) {
      throw new ForbiddenException(
        `the group rules changed: accept rules version ${ctx.group.rulesVersion} (POST /api/groups/${ctx.group.id}/rules/accept) before posting again`,
      );
    }
  }

  /** An action reserved to a role (see GROUP_PERMISSIONS); outsiders of private groups still get 404. */
  assertAllowed(ctx: GroupContext, permission: GroupPermission, doing: string): void {
    this.assertCanRead(ctx);
    if (!ctx.userId) throw new UnauthorizedException(`sign in first: only ${ROLE_WORDS[GROUP_PERMISSIONS[permission]]} of this group may ${doing}`);
    const role = this.activeRole(ctx);
    if (!role || !roleAllows(role, permission)) {
      throw new ForbiddenException(`only ${ROLE_WORDS[GROUP_PERMISSIONS[permission]]} of this group may ${doing}`);
    }
  }

  can(ctx: GroupContext, permission: GroupPermission): boolean {
    const role = this.activeRole(ctx);
    return !!role && roleAllows(role, permission);
  }

  assertNotBanned(ctx: GroupContext): void {
    if (ctx.membership?.status === 'banned') {
      const why = ctx.membership.banReason ? `: ${ctx.membership.banReason}` : '';
      throw new ForbiddenException(`you are banned from this group${why}`);
    }
  }
}

export function groupNotFound(): NotFoundException {
  return new NotFoundException('group not found');
}

/** A group "has rules" while its rules text is not empty; only then must members accept them. */
export function hasRules(group: Pick<Group, 'rules'>): boolean {
  return group.rules.trim() !== '';
}

/**
 * For routes named after something inside a group (a report, a thread): an outsider of a
 * private group gets "<thing> not found" rather than "group not found", learning nothing.
 */
export async function hidingGroup(thing: string, load: () => Promise<GroupContext>): Promise<GroupContext> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof NotFoundException) throw new NotFoundException(`${thing} not found`);
    throw err;
  }
}
