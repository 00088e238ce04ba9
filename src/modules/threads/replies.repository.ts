import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { KeyColumn, keysetCondition, keysetOrder } from '../../common/keyset';
import { Reply } from './entities/reply.entity';

export type AnswerOrder = 'oldest' | 'top';

const ANSWER_KEYS: Record<AnswerOrder, KeyColumn[]> = {
  oldest: [
    { expr: 'r.created_at', dir: 'ASC' },
    { expr: 'r.id', dir: 'ASC' },
  ],
  top: [
    { expr: 'r.score', dir: 'DESC' },
    { expr: 'r.created_at', dir: 'ASC' },
    { expr: 'r.id', dir: 'ASC' },
  ],
};

const COMMENT_KEYS: KeyColumn[] = ANSWER_KEYS.oldest;

@Injectable()
export class RepliesRepository {
  constructor(@InjectRepository(Reply) private readonly replies: Repository<Reply>) {}

  private repo(manager?: EntityManager): Repository<Reply> {
    return manager ? manager.getRepository(Reply) : this.replies;
  }

  findById(id: string, manager?: EntityManager): Promise<Reply | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async insert(manager: EntityManager, reply: Reply): Promise<void> {
    await manager.getRepository(Reply).insert(reply);
  }

  async update(manager: EntityManager, id: string, patch: Partial<Reply>): Promise<void> {
    await manager.getRepository(Reply).update({ id }, patch);
  }

  /** Applies an edit and takes the next revision number (the UPDATE serialises concurrent edits). */
  async applyEdit(manager: EntityManager, id: string, patch: Partial<Reply>): Promise<number> {
    await manager
      .createQueryBuilder()
      .update(Reply)
      .set({ ...patch, revisionCount: () => 'revision_count + 1' })
      .where('id = :id', { id })
      .execute();
    const row = await manager.getRepository(Reply).findOne({ where: { id }, select: { id: true, revisionCount: true } });
    return row!.revisionCount;
  }

  async addScore(manager: EntityManager, id: string, delta: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Reply)
      .set({ score: () => 'score + :delta' })
      .where('id = :id', { id, delta })
      .execute();
  }

  async scoreOf(manager: EntityManager, id: string): Promise<number> {
    const row = await manager.getRepository(Reply).findOne({ where: { id }, select: { id: true, score: true } });
    return row?.score ?? 0;
  }

  /** A page of a thread's answers (not comments), deleted ones included: they keep their place. */
  findAnswersPage(threadId: string, order: AnswerOrder, after: unknown[] | null, limit: number): Promise<Reply[]> {
    const keys = ANSWER_KEYS[order];
    const qb = this.replies
      .createQueryBuilder('r')
      .where('r.thread_id = :threadId', { threadId })
      .andWhere('r.parent_reply_id IS NULL');
    if (after) {
      const { sql, params } = keysetCondition(keys, after);
      qb.andWhere(new Brackets((w) => w.where(sql, params)));
    }
    return qb.orderBy(keysetOrder(keys)).limit(limit).getMany();
  }

  /** A page of the comments on one answer, oldest first. */
  findCommentsPage(threadId: string, parentId: string, after: unknown[] | null, limit: number): Promise<Reply[]> {
    const qb = this.replies
      .createQueryBuilder('r')
      .where('r.thread_id = :threadId', { threadId })
      .andWhere('r.parent_reply_id = :parentId', { parentId });
    if (after) {
      const { sql, params } = keysetCondition(COMMENT_KEYS, after);
      qb.andWhere(new Brackets((w) => w.where(sql, params)));
    }
    return qb.orderBy(keysetOrder(COMMENT_KEYS)).limit(limit).getMany();
  }

  /**
   * The first `perParent` comments (oldest first) of each of many answers, in one query:
   * a window function numbers each answer's comments and the outer query keeps the first ones.
   */
  async findFirstComments(threadId: string, parentIds: string[], perParent: number): Promise<Reply[]> {
    if (!parentIds.length) return [];
    const ranked = this.replies
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect('ROW_NUMBER() OVER (PARTITION BY c.parent_reply_id ORDER BY c.created_at, c.id)', 'rn')
      .where('c.thread_id = :threadId')
      .andWhere('c.parent_reply_id IN (:...parentIds)');
    return this.replies
      .createQueryBuilder('r')
      .where(`r.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rn <= :perParent)`)
      .setParameters({ threadId, parentIds, perParent })
      .orderBy(keysetOrder(COMMENT_KEYS))
      .getMany();
  }

  findManyByIds(ids: string[]): Promise<Reply[]> {
    return ids.length ? this.replies.findBy({ id: In(ids) }) : Promise.resolve([]);
  }
}
