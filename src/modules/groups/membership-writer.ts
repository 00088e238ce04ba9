import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { Group } from './entities/group.entity';
import { GroupRole, Membership, MembershipStatus } from './entities/membership.entity';
import { GroupsRepository } from './groups.repository';

export interface MembershipChange {
  status: MembershipStatus;
  /** Only for active memberships; every other status holds the plain member role. */
  role?: GroupRole;
  acceptedRulesVersion?: number;
  banReason?: string;
  invitedById?: string;
}

/**
 * The one place a membership row changes status or role: it keeps `memberCount` exact in the
 * same transaction and raises `membership.changed` (the real-time layer moves live sockets on it).
 */
@Injectable()
export class MembershipWriter {
  constructor(private readonly groups: GroupsRepository) {}

  async write(tx: Tx, group: Group, current: Membership | null, userId: string, change: MembershipChange, actorId: string): Promise<Membership> {
    const now = new Date();
    const wasActive = current?.status === 'active';
    const isActive = change.status === 'active';
    const patch: Partial<Membership> = {
      status: change.status,
      role: isActive ? (change.role ?? (wasActive ? current.role : 'member')) : 'member',
      banReason: change.status === 'banned' ? (change.banReason ?? null) : null,
      joinedAt: isActive && !wasActive ? now : (current?.joinedAt ?? null),
      updatedAt: now,
    };
    if (change.acceptedRulesVersion !== undefined) patch.acceptedRulesVersion = change.acceptedRulesVersion;
    if (change.invitedById !== undefined) patch.invitedById = change.invitedById;

    let next: Membership;
    if (current) {
      await this.groups.updateMembership(tx.manager, group.id, userId, patch);
      next = Object.assign(new Membership(), current, patch);
    } else {
      next = Object.assign(new Membership(), {
        groupId: group.id,
        userId,
        acceptedRulesVersion: 0,
        subscriptionLevel: 'questions',
        invitedById: null,
        createdAt: now,
        ...patch,
      });
      await this.groups.insertMembership(tx.manager, next);
    }
    await this.groups.adjustMemberCount(tx.manager, group.id, (isActive ? 1 : 0) - (wasActive ? 1 : 0));
    tx.emit(domainEvent('membership.changed', actorId, { groupId: group.id, userId, status: next.status, role: next.role }));
    return next;
  }
}
