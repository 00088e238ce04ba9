import { BadRequestException, Injectable } from '@nestjs/common';
import { isId } from '../../common/ids';
import { decodeCursor, Page, pageLimit, toPage } from '../../common/pagination';
import { UnitOfWork } from '../../database/unit-of-work';
import { UsersRepository } from '../users/users.repository';
import { MarkReadDto, NotificationDto, NotificationQueryDto, toNotificationDto } from './dto/notification.dto';
import { NotificationsRepository } from './notifications.repository';

/** The inbox: list newest first, mark read. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly users: UsersRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async list(userId: string, query: NotificationQueryDto): Promise<Page<NotificationDto>> {
    const limit = pageLimit(query);
    const beforeId = decodeCursor(query.cursor, 1)?.[0] ?? null;
    if (beforeId !== null && !isId(beforeId)) throw new BadRequestException(['cursor is not a valid cursor for this list']);
    const rows = await this.repo.findPage(userId, { unreadOnly: query.unread === true, beforeId: beforeId as string | null, limit: limit + 1 });
    const actors = new Map((await this.users.findManyByIds([...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))])).map((u) => [u.id, u]));
    return toPage(
      rows,
      limit,
      (n) => [n.id],
      (n) => toNotificationDto(n, n.actorId ? actors.get(n.actorId) : undefined),
    );
  }

  async markRead(userId: string, dto: MarkReadDto): Promise<void> {
    const at = new Date();
    await this.uow.run((tx) => this.repo.markRead(tx.manager, userId, dto.ids ?? null, at));
  }

  /** One notification as the inbox shows it (for the `notification` socket event). */
  async view(id: string): Promise<NotificationDto | null> {
    const n = await this.repo.findById(id);
    if (!n) return null;
    const actor = n.actorId ? await this.users.findById(n.actorId) : null;
    return toNotificationDto(n, actor ?? undefined);
  }
}
