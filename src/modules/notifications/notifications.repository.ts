import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Notification } from './entities/notification.entity';

@Injectable()
export class NotificationsRepository {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  async insertMany(manager: EntityManager, rows: Notification[]): Promise<void> {
    if (rows.length) await manager.getRepository(Notification).insert(rows);
  }

  findById(id: string): Promise<Notification | null> {
    return this.notifications.findOneBy({ id });
  }

  /** A user's inbox, newest first; `beforeId` is the last id of the previous page. */
  findPage(userId: string, opts: { unreadOnly: boolean; beforeId: string | null; limit: number }): Promise<Notification[]> {
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (opts.unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (opts.beforeId) qb.andWhere('n.id < :beforeId', { beforeId: opts.beforeId });
    return qb.orderBy('n.id', 'DESC').limit(opts.limit).getMany();
  }

  /** Marks the user's unread notifications read: those in `ids`, or all when ids is null. */
  async markRead(manager: EntityManager, userId: string, ids: string[] | null, at: Date): Promise<void> {
    const where = ids ? { userId, readAt: IsNull(), id: In(ids) } : { userId, readAt: IsNull() };
    await manager.getRepository(Notification).update(where, { readAt: at });
  }
}
