import { ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { newId } from '../../common/ids';
import { RateLimiter } from '../../common/rate-limit/rate-limiter';
import { isUniqueViolation } from '../../database/db-errors';
import { UnitOfWork } from '../../database/unit-of-work';
import { domainEvent } from '../../domain-events/domain-events';
import { toMe } from '../users/dto/user.dto';
import { User } from '../users/entities/user.entity';
import { firstFreeHandle, handleBase } from '../users/handles';
import { UsersRepository } from '../users/users.repository';
import { AuthResponseDto, LoginDto, RegisterDto } from './dto/auth.dto';
import { TokenService } from './token.service';

/** argon2id at OWASP's recommended minimum (19 MiB, 2 passes): memory-hard, ~20 ms here. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so both answers take the same time. */
  private readonly dummyHash = argon2.hash('kring-timing-equaliser', ARGON2_OPTIONS);

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly uow: UnitOfWork,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(dto: RegisterDto, ip: string): Promise<AuthResponseDto> {
    await this.throttle('registrations', ip, dto.email);
    const passwordHash = await argon2.hash(dto.password, ARGON2_OPTIONS);
    const now = new Date();
    const user: User = Object.assign(new User(), {
      id: newId(),
      email: dto.email,
      passwordHash,
      displayName: dto.displayName,
      handle: '',
      headline: '',
      bio: '',
      tokenVersion: 0,
      createdAt: now,
      updatedAt: now,
    });
    for (let attempt = 0; ; attempt++) {
      try {
        await this.uow.run(async (tx) => {
          if (await this.users.findByEmail(dto.email, tx.manager)) throw emailTaken();
          const base = handleBase(dto.displayName);
          const taken = await this.users.takenHandlesLike(tx.manager, base);
          // A concurrent registration (PostgreSQL) may take the same handle: later tries add noise.
          user.handle = attempt === 0 ? firstFreeHandle(base, taken) : `${base.slice(0, 22)}_${Math.random().toString(36).slice(2, 7)}`;
          await this.users.insert(tx.manager, user);
          tx.emit(domainEvent('user.registered', user.id, { userId: user.id }));
        });
        break;
      } catch (err) {
        if (isUniqueViolation(err, 'email')) throw emailTaken();
        if (isUniqueViolation(err, 'handle') && attempt < 5) continue;
        throw err;
      }
    }
    return { user: toMe(user, []), accessToken: this.tokens.issue(user.id, 0) };
  }

  async login(dto: LoginDto, ip: string): Promise<AuthResponseDto> {
    await this.throttle('sign-in attempts', ip, dto.email);
    const user = await this.users.findByEmail(dto.email);
    const ok = user
      ? await argon2.verify(user.passwordHash, dto.password).catch(() => false)
      : await argon2.verify(await this.dummyHash, dto.password).then(() => false);
    if (!user || !ok) throw new UnauthorizedException('email or password is incorrect');
    return {
      user: toMe(user, await this.users.expertiseOf(user.id)),
      accessToken: this.tokens.issue(user.id, user.tokenVersion),
    };
  }

  /** Revokes every token the user holds. */
  async logout(userId: string): Promise<void> {
    await this.uow.run(({ manager }) => this.users.bumpTokenVersion(manager, userId));
  }

  private async throttle(what: string, ip: string, email: string): Promise<void> {
    const rule = { limit: this.config.authRateLimitPerMinute, windowMs: 60_000 };
    await this.limiter.hit(`auth:ip:${ip}`, rule, what);
    await this.limiter.hit(`auth:email:${email}`, rule, what);
  }
}

function emailTaken(): ConflictException {
  return new ConflictException(['email is already registered']);
}
