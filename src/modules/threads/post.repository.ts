import { EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { Post } from './entities/post';

/** The queries threads and replies share: by id, insert, edit with a revision number, score. */
export abstract class PostRepository<T extends Post> {
  protected constructor(
    private readonly entity: new () => T,
    protected readonly rows: Repository<T>,
  ) {}

  protected repo(manager?: EntityManager): Repository<T> {
    return manager ? manager.getRepository(this.entity) : this.rows;
  }

  findById(id: string, manager?: EntityManager): Promise<T | null> {
    return this.repo(manager).findOneBy({ id } as FindOptionsWhere<T>);
  }

  async insert(manager: EntityManager, row: T): Promise<void> {
    await manager.getRepository(this.entity).insert(row as QueryDeepPartialEntity<T>);
  }

  async update(manager: EntityManager, id: string, patch: Partial<T>): Promise<void> {
    await manager
      .getRepository(this.entity)
      .update({ id } as FindOptionsWhere<T>, patch as QueryDeepPartialEntity<T>);
  }

  /**
   * Applies an edit and takes the next revision number. The UPDATE locks the row on
   * PostgreSQL, so concurrent edits of one post number their revisions one after another.
   */
  async applyEdit(manager: EntityManager, id: string, patch: Partial<T>): Promise<number> {
    await manager
      .createQueryBuilder()
      .update(this.entity)
      .set({ ...patch, revisionCount: () => 'revision_count + 1' } as QueryDeepPartialEntity<T>)
      .where('id = :id', { id })
      .execute();
    return (await this.column(manager, id, 'revisionCount')) ?? 1;
  }

  /** `score = score + delta`, atomic in SQL, in the vote's transaction. */
  async addScore(manager: EntityManager, id: string, delta: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(this.entity)
      .set({ score: () => 'score + :delta' } as QueryDeepPartialEntity<T>)
      .where('id = :id', { id, delta })
      .execute();
  }

  async scoreOf(manager: EntityManager, id: string): Promise<number> {
    return (await this.column(manager, id, 'score')) ?? 0;
  }

  private async column(
    manager: EntityManager,
    id: string,
    name: 'score' | 'revisionCount',
  ): Promise<number | undefined> {
    const row = await manager
      .getRepository(this.entity)
      .createQueryBuilder('p')
      .select(`p.${name}`, 'value')
      .where('p.id = :id', { id })
      .getRawOne<{ value: number }>();
    return row?.value;
  }
}
