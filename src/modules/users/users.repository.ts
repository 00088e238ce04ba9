import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { UserExpertise } from './entities/user-expertise.entity';
import { User } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserExpertise) private readonly expertise: Repository<UserExpertise>,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByHandle(handle: string): Promise<User | null> {
    return this.users.findOneBy({ handle });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return (manager ? manager.getRepository(User) : this.users).findOneBy({ email });
  }

  findManyByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findManyByHandles(handles: string[]): Promise<User[]> {
    return handles.length ? this.users.findBy({ handle: In(handles) }) : Promise.resolve([]);
  }

  /** Handles already taken among those starting with `base` (to derive a free one). */
  async takenHandlesLike(manager: EntityManager, base: string): Promise<Set<string>> {
    const rows = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.handle', 'handle')
      .where('u.handle LIKE :p', { p: `${base}%` })
      .getRawMany<{ handle: string }>();
    // `_` is a LIKE wildcard (escaping differs per dialect), so filter exactly here.
    return new Set(rows.map((r) => r.handle).filter((h) => h.startsWith(base)));
  }

  async handleTaken(manager: EntityManager, handle: string, exceptUserId?: string): Promise<boolean> {
    const found = await manager.getRepository(User).findOneBy({ handle });
    return !!found && found.id !== exceptUserId;
  }

  insert(manager: EntityManager, user: User): Promise<unknown> {
    return manager.getRepository(User).insert(user);
  }

  async update(manager: EntityManager, id: string, patch: Partial<User>): Promise<void> {
    await manager.getRepository(User).update({ id }, patch);
  }

  async bumpTokenVersion(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(User).increment({ id }, 'tokenVersion', 1);
  }

  async expertiseOf(userId: string): Promise<string[]> {
    const rows = await this.expertise.find({ where: { userId }, order: { position: 'ASC' } });
    return rows.map((r) => r.tag);
  }

  async expertiseOfMany(userIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!userIds.length) return map;
    const rows = await this.expertise.find({ where: { userId: In(userIds) }, order: { position: 'ASC' } });
    for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.tag]);
    return map;
  }

  async replaceExpertise(manager: EntityManager, userId: string, tags: string[]): Promise<void> {
    const repo = manager.getRepository(UserExpertise);
    await repo.delete({ userId });
    if (tags.length) await repo.insert(tags.map((tag, position) => ({ userId, tag, position })));
  }
}
