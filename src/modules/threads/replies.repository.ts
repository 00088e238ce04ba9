import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import { KeyColumn, keysetCondition, keysetOrder } from '../../common/keyset';
import { Reply } from './entities/reply.entity';
import { PostRepository } from './post.repository';

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
export class RepliesRepository extends PostRepository<Reply> {
  constructor(@InjectRepository(Reply) private readonly replies: Repository<Reply>) {
    super(Reply, replies);
  }

  /** A page of a thread's answers (not comments), deleted ones included: they keep their place. */
  findAnswersPage(
    threadId: string,
    order: AnswerOrder,
    after: unknown[] | null,
    limit: number,
  ): Promise<Reply[]> {
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
  findCommentsPage(
    threadId: string,
    parentId: string,
    after: unknown[] | null,
    limit: number,
  ): Promise<Reply[]> {
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
  async findFirstComments(
    threadId: string,
    parentIds: string[],
    perParent: number,
  ): Promise<Reply[]> {
    if (!parentIds.length) return [];
    const ranked = this.replies
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect(
        'ROW_NUMBER() OVER (PARTITION BY c.parent_reply_id ORDER BY c.created_at, c.id)',
        'rn',
      )
      .where('c.thread_id = :threadId')
      .andWhere('c.parent_reply_id IN (:...parentIds)');
    return this.replies
      .createQueryBuilder('r')
      .where(
        `r.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rn <= :perParent)`,
      )
      .setParameters({ threadId, parentIds, perParent })
      .orderBy(keysetOrder(COMMENT_KEYS))
      .getMany();
  }

  findManyByIds(ids: string[]): Promise<Reply[]> {
    return ids.length ? this.replies.findBy({ id: In(ids) }) : Promise.resolve([]);
  }
}
