import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work';
import { isUniqueViolation } from '../../database/db-errors';
import { isId } from '../../common/ids';
import { MeDto, toMe, toProfile, UpdateProfileDto, UserProfileDto } from './dto/user.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundException('user not found');
    return toMe(user, await this.users.expertiseOf(userId));
  }

  async updateMe(userId: string, dto: UpdateProfileDto): Promise<MeDto> {
    try {
      await this.uow.run(async ({ manager }) => {
        if (dto.handle !== undefined && (await this.users.handleTaken(manager, dto.handle, userId))) {
          throw new ConflictException(['handle is already taken']);
        }
        const patch: Record<string, unknown> = { updatedAt: new Date() };
        for (const k of ['displayName', 'handle', 'headline', 'bio'] as const) {
          if (dto[k] !== undefined) patch[k] = dto[k];
        }
        await this.users.update(manager, userId, patch);
        if (dto.expertise !== undefined) await this.users.replaceExpertise(manager, userId, dto.expertise);
      });
    } catch (err) {
      if (isUniqueViolation(err, 'handle')) throw new ConflictException(['handle is already taken']);
      throw err;
    }
    return this.me(userId);
  }

  /** A profile by id or handle, seen by `viewerId` (or anonymously). */
  async profile(idOrHandle: string, _viewerId: string | null): Promise<UserProfileDto> {
    const user = isId(idOrHandle) ? await this.users.findById(idOrHandle) : await this.users.findByHandle(idOrHandle);
    if (!user) throw new NotFoundException('user not found');
    const expertise = await this.users.expertiseOf(user.id);
    // Connection degrees arrive with the connections feature; until then none is known.
    return { ...toProfile(user, expertise), degree: null, mutualConnections: 0 };
  }
}
