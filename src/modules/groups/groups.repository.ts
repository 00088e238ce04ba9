import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { isId } from '../../common/ids';
import { Group } from './entities/group.entity';
import { GroupRole, Membership, MembershipStatus } from './entities/membership.entity';

/** Memberships that make a private group "one of the caller's own" in lists. */
export const OWN_GROUP_STATUSES: MembershipStatus[] = ['active', 'invited', 'pending'];

export interface GroupSearch {
  userId: string | null;
  /** Words to find in the name or description (case-insensitive). */
  q: string | null;
  /** Only groups the caller is in (active, invited or pending). */
  mine: boolean;
  beforeId: string | null;
  limit: number;
}

export interface MemberFilter {
  status: MembershipStatus;
  role: GroupRole | null;
  afterUserId: string | null;
  limit: number;
}

/** LIKE pattern for `text` anywhere, with % _ and \ taken literally (ESCAPE '\' on both dialects). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class GroupsRepository {
  constructor(
    @InjectRepository(Group) private readonly groups: Repository<Group>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
  ) {}

  /**
   * By id (ULID) or slug. `lock` (inside a transaction) takes the row for a non-key update on
   * PostgreSQL, so concurrent membership changes of one group queue up behind each other.
   */
  findByIdOrSlug(idOrSlug: string, manager?: EntityManager, opts: { lock?: boolean } = {}): Promise<Group | null> {
    const repo = manager ? manager.getRepository(Group) : this.groups;
    const qb = repo.createQueryBuilder('g');
    if (isId(idOrSlug)) qb.where('g.id = :id', { id: idOrSlug });
    else qb.where('g.slug = :slug', { slug: idOrSlug.toLowerCase() });
    if (opts.lock && repo.manager.connection.options.type === 'postgres') qb.setLock('for_no_key_update');
    return qb.getOne();
  }

  findMembership(groupId: string, userId: string, manager?: EntityManager): Promise<Membership | null> {
    return (manager ? manager.getRepository(Membership) : this.memberships).findOneBy({ groupId, userId });
  }

  /** The caller's memberships among `groupIds`, by group id (one query for a whole page). */
  async findMembershipsOfUser(userId: string, groupIds: string[]): Promise<Map<string, Membership>> {
    if (!groupIds.length) return new Map();
    const rows = await this.memberships.findBy({ userId, groupId: In(groupIds) });
    return new Map(rows.map((m) => [m.groupId, m]));
  }

  /** Slugs already taken among those starting with `base` (to derive a free one). */
  async takenSlugsLike(manager: EntityManager, base: string): Promise<Set<string>> {
    const rows = await manager
      .getRepository(Group)
      .createQueryBuilder('g')
      .select('g.slug', 'slug')
      .where('g.slug LIKE :p', { p: `${base}%` })
      .getRawMany<{ slug: string }>();
    return new Set(rows.map((r) => r.slug));
  }

  async insertGroup(manager: EntityManager, group: Group): Promise<void> {
    await manager.getRepository(Group).insert(group);
  }

  async updateGroup(manager: EntityManager, id: string, patch: Partial<Group>): Promise<void> {
    await manager.getRepository(Group).update({ id }, patch);
  }

  /** memberCount += delta in SQL, so concurrent changes on PostgreSQL never lose one. */
  async adjustMemberCount(manager: EntityManager, groupId: string, delta: number): Promise<void> {
    if (delta === 0) return;
    await manager
      .getRepository(Group)
      .createQueryBuilder()
      .update()
      .set({ memberCount: () => `member_count + ${Math.trunc(delta)}` })
      .where('id = :groupId', { groupId })
      .execute();
  }

  async insertMembership(manager: EntityManager, membership: Membership): Promise<void> {
    await manager.getRepository(Membership).insert(membership);
  }

  async updateMembership(manager: EntityManager, groupId: string, userId: string, patch: Partial<Membership>): Promise<void> {
    await manager.getRepository(Membership).update({ groupId, userId }, patch);
  }

  countActiveOwners(manager: EntityManager, groupId: string): Promise<number> {
    return manager.getRepository(Membership).countBy({ groupId, status: 'active', role: 'owner' });
  }

  /**
   * Groups the caller may see, newest first: public ones and the caller's own (active,
   * invited, pending), never other private groups.
   */
  findVisiblePage(search: GroupSearch): Promise<Group[]> {
    const qb = this.groups.createQueryBuilder('g');
    const own = 'g.id IN (SELECT m.group_id FROM memberships m WHERE m.user_id = :userId AND m.status IN (:...own))';
    if (search.mine) {
      if (!search.userId) return Promise.resolve([]);
      qb.where(own);
    } else if (search.userId) {
      qb.where(new Brackets((w) => w.where("g.visibility = 'public'").orWhere(own)));
    } else {
      qb.where("g.visibility = 'public'");
    }
    qb.setParameters({ userId: search.userId, own: OWN_GROUP_STATUSES });
    if (search.q) {
      qb.andWhere(
        new Brackets((w) =>
          w.where("LOWER(g.name) LIKE :q ESCAPE '\\'").orWhere("LOWER(g.description) LIKE :q ESCAPE '\\'"),
        ),
        { q: containsPattern(search.q) },
      );
    }
    if (search.beforeId) qb.andWhere('g.id < :beforeId', { beforeId: search.beforeId });
    return qb.orderBy('g.id', 'DESC').limit(search.limit + 1).getMany();
  }

  /** Members of one status (and role), by user id; limit+1 rows for toPage. */
  findMembersPage(groupId: string, filter: MemberFilter): Promise<Membership[]> {
    const qb = this.memberships
      .createQueryBuilder('m')
      .where('m.group_id = :groupId', { groupId })
      .andWhere('m.status = :status', { status: filter.status });
    if (filter.role) qb.andWhere('m.role = :role', { role: filter.role });
    if (filter.afterUserId) qb.andWhere('m.user_id > :after', { after: filter.afterUserId });
    return qb.orderBy('m.user_id', 'ASC').limit(filter.limit + 1).getMany();
  }
}
