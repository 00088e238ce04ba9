import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isId } from '../../common/ids';
import { Group } from './entities/group.entity';
import { Membership } from './entities/membership.entity';

@Injectable()
export class GroupsRepository {
  constructor(
    @InjectRepository(Group) private readonly groups: Repository<Group>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
  ) {}

  /** By id (ULID) or slug. */
  findByIdOrSlug(idOrSlug: string, manager?: EntityManager): Promise<Group | null> {
    const repo = manager ? manager.getRepository(Group) : this.groups;
    return isId(idOrSlug) ? repo.findOneBy({ id: idOrSlug }) : repo.findOneBy({ slug: idOrSlug.toLowerCase() });
  }

  findMembership(groupId: string, userId: string, manager?: EntityManager): Promise<Membership | null> {
    return (manager ? manager.getRepository(Membership) : this.memberships).findOneBy({ groupId, userId });
  }
}
